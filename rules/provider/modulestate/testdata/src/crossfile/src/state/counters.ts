export let served = 0; // want "warning: module-level `let served` changes per request \\(`\\+\\+`\\): it leaks between requests and differs per worker; use a request-scoped provider" "via StatsController.hit -> bump"
export const limits: Record<string, number> = {}; // want "warning: module-level object `limits` changes per request \\(`\\.default =`\\): it leaks between requests and differs per worker; use a request-scoped provider"

export function bump() {
  served++;
}
