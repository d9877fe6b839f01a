export const SLUG = /^([a-z0-9]+-?)+$/; // want "error: regex .*applied \\(.test\\) on the request path, reached from SearchController.slug"
export const TAGS = /(,|;)+/;
export const UNUSED = new RegExp('^(a+)+$'); // want "warning: regex .new RegExp.*it is not applied on any known request path"
export const LOOSE = /(a+)+/; // want "note: regex .*nothing after the loop can fail"
