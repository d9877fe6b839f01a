export const sessions = new Map<string, { user: string }>(); // want "warning: module-level Map `sessions` grows per request \\(`set`\\) and is never pruned, so memory only grows; use an LRU or a TTL" "via SessionsController.open"

export const audit = new Map<string, number>();

export function forget(id: string) {
  audit.delete(id);
}
