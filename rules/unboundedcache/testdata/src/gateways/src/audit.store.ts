// an undecorated class declared inside a factory function, provided with
// useClass: createAuditStore('http')
export function createAuditStore(channel: string) {
  class AuditStore {
    readonly channel = channel;
    private entries: string[] = []; // want "AuditStore.entries is an array in a singleton that grows per request \\(push in AuditStore.add\\)"

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
