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
// elsewhere a warning.
//
// A regex is reported only with a proven attack string. The automaton
// analysis proposes a prefix, a pumped string and a failing suffix; nestlint
// then runs them through a backtracking matcher that follows ECMAScript's
// algorithm (the engine's every start position, alternative priority,
// greedy and lazy loops, lookarounds, backreferences) and counts its steps
// for 1, 2, 3, ... pumps. The finding stands when the steps each added pump
// costs at least double (a pure doubling measures 1.94 to 2.0 because of
// the matcher's linear bookkeeping, so 1.9 counts) over 8 consecutive pumps;
// when the step budget runs out first, the steps must have doubled at every
// measured pump (at least 4) and grown 2^8 times. The message names the
// attack as a JavaScript expression ('a' + 'a'.repeat(30) + '!') and the
// repeated group to rewrite (so that each repetition must start with
// something the previous one cannot match), or bound the input length;
// SARIF results carry the attack and the measurement in properties
// (nestlint/attack, nestlint/attackExpression, nestlint/stepGrowthPerPump,
// nestlint/measured).
//
// Not reported, because no input makes them backtrack exponentially: a
// loop that nothing after it can make fail (/(a+)+/: the first greedy path
// matches); loops the automaton sees as ambiguous but a lookahead makes
// deterministic, such as an RFC-style address whose local part emulates a
// possessive loop ([atext]+(?![atext])\.?)+@..., or lazy Markdown list
// items that each end at a line end (?:[ \t]*[-*+][ \t]+(.*?)(?=\n|$))+.
//
// Polynomial backtracking (\s+$, \d+\d+$, .*a.*b: quadratic or cubic, with
// the retries at every start position counted) is a separate note-level
// finding, only when the regex runs on request input: applied to a
// parameter of a function on the request path, or by @Matches. nestlint
// pumps one character inside a loop (after a shortest prefix reaching it,
// before a character no run can take) and reports the attack when the
// steps grow at least 3x for each of the last two doublings of the input
// (32, 64, 128, 256 characters); SARIF properties carry the attack, the
// degree and the growth (nestlint/degree, nestlint/stepGrowthPerDoubling,
// nestlint/measured). Bound the input length (@MaxLength on the DTO, or
// check .length first) or rewrite the loops so they cannot split the same
// characters.
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
