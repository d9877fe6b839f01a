// an undecorated class declared inside a factory function, provided with
// useClass: createAuditStore('http')
export function createAuditStore(channel: string) {
  class AuditStore {
    readonly channel = channel;
    private entries: string[] = []; // want "warning: `AuditStore\\.entries`, an array in a singleton, grows per request \\(`push`\\) and is never pruned, so memory only grows; use an LRU or a TTL"

    add(entry: string) {
      this.entries.push(`${this.channel}:${entry}`);
    }
  }
  return AuditStore;
}

export const AUDIT = 'AUDIT';

export interface Audit {
  add(entry: string): void;
}
