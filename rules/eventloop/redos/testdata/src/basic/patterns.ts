export const SLUG = /^([a-z0-9]+-?)+$/; // want "error: regex `/\\^\\(\\[a-z0-9\\]\\+-\\?\\)\\+\\$/` backtracks exponentially on `'a' \\+ 'a'\\.repeat\\(30\\) \\+ '!'` in `\\.test` on the request path; rewrite the group `\\(\\[a-z0-9\\]\\+-\\?\\)\\+`"
export const TAGS = /(,|;)+/;
export const UNUSED = new RegExp('^(a+)+$'); // want "warning: regex `new RegExp\\(\"\\^\\(a\\+\\)\\+\\$\"\\)` backtracks exponentially on `'a' \\+ 'a'\\.repeat\\(30\\) \\+ '!'` \\(not applied on a known request path\\); rewrite the group `\\(a\\+\\)\\+`"
// Nothing after the loop can fail, so the first greedy path matches: no
// input makes it backtrack, and it is not reported.
export const LOOSE = /(a+)+/;
