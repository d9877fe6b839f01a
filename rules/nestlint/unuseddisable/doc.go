// unuseddisable: suppression directive without a reason, unknown or unused
//
// An inline directive (`// nestlint-disable-next-line <ids> -- reason`,
// `// nestlint-disable-line <ids> -- reason`, or a
// `/* nestlint-disable <ids> -- reason */` ... `/* nestlint-enable <ids> */`
// range) silences findings in place. A directive must say why after " -- ",
// so that a reviewer can judge it later; it must name rule ids that exist
// (a family wildcard such as hidden-class/* is allowed; no ids means every
// rule); and it must silence at least one finding. A directive that silences
// nothing is left over from code that changed: it no longer documents
// anything, and it would silently hide the next real finding on that line.
// nestlint reports each such directive at the comment. These findings come
// from the suppression step that runs after all rules, not from an analyzer,
// and they cannot be suppressed themselves.
//
// Bad:
//
//	// nestlint-disable-next-line event-loop/sync-io
//	const cfg = readFileSync('config.json', 'utf8'); // no reason given
//
//	// nestlint-disable-next-line event-loop/sync-oi -- typo: unknown id
//	const n = 1; // nothing to suppress
//
// Good:
//
//	// nestlint-disable-next-line event-loop/sync-io -- read once at startup, before listen()
//	const cfg = readFileSync('config.json', 'utf8');
package unuseddisable
