export const sessions = new Map<string, { user: string }>(); // want "warning: module-level Map sessions grows per request .set in SessionsController.open. and is never pruned" "via SessionsController.open"

export const audit = new Map<string, number>();

export function forget(id: string) {
  audit.delete(id);
}
