export const SLUG = /^([a-z0-9]+-?)+$/; // want "error: regex .*applied \\(.test\\) on the request path, reached from SearchController.slug"
export const TAGS = /(,|;)+/;
export const UNUSED = new RegExp('^(a+)+$'); // want "warning: regex `new RegExp\\(\"\\^\\(a\\+\\)\\+\\$\"\\)` backtracks exponentially: the repeated group `\\(a\\+\\)\\+` matches the same text in more than one way; the input 'a' \\+ 'a'\\.repeat\\(30\\) \\+ '!' makes a JavaScript backtracking matcher take exponential time \\(measured: x1\\.98 steps per pump over 8 pumps, 16408 steps at 10 pumps\\); it is not applied on any known request path; rewrite it so each repetition must start with something the previous one cannot match, or bound the input length"
// Nothing after the loop can fail, so the first greedy path matches: no
// input makes it backtrack, and it is not reported.
export const LOOSE = /(a+)+/;
