// redos: a regular expression can backtrack exponentially (ReDoS)
//
// The event loop runs in phases (timers, pending callbacks, poll for I/O,
// check for setImmediate, close callbacks), and each phase runs its
// callbacks to completion on the one JavaScript thread: a callback that
// blocks keeps every later phase, and so every other request, waiting.
//
// JavaScript's regex engine backtracks. A quantified group whose body can
// match the same text in more than one way, such as (a+)+, (\w+\s?)* or
// (\d|\w)+, makes the engine try exponentially many ways to split a string
// that almost matches: a 30-character input can take seconds, and while it
// runs the event loop serves no other request. One crafted request is a
// denial of service. nestlint parses every regex literal and constant
// new RegExp('...') pattern with a real JavaScript regex parser and looks
// for repeated groups that are ambiguous, then finds where the regex is
// applied (.test, .exec, .match, .matchAll, .replace, .replaceAll, .split,
// .search, class-validator @Matches) and judges that place's context: on
// the request path it is an error with the path from the entry point,
// elsewhere a warning. Patterns whose loop can always end the match (nothing
// after it can fail) are reported one level lower. Polynomial backtracking
// (\d+\d+$) is not reported.
//
// Bad:
//
//	@Get('check')
//	check(@Query('name') name: string) {
//	  return /^(\w+\s?)*$/.test(name); // 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa!' hangs the process
//	}
//
// Good:
//
//	@Get('check')
//	check(@Query('name') name: string) {
//	  return /^\w+(?:\s\w+)*$/.test(name); // each repetition must start with a space
//	}
package redos
