import { Injectable } from '@nestjs/common';

@Injectable()
export class RatesService {
  private memo = new Map<string, number>(); // want "warning: `RatesService\\.memo`, a Map in a singleton, grows per request \\(`set`\\) and is never pruned, so memory only grows; use an LRU or a TTL" "via RatesController.rate -> RatesService.rate -> RatesService.remember"
  private byCurrency = new Map<string, number>();
  private recent = new Map<string, number>();
  private bounded: string[] = [];

  rate(currency: string) {
    this.remember(currency);
    this.byCurrency.set(currency, 1);
    if (this.recent.size < 1000) {
      this.recent.set(currency, Date.now());
    }
    if (this.bounded.length >= 100) {
      return 0;
    }
    this.bounded.push(currency);
    return this.byCurrency.get(currency);
  }

  private remember(currency: string) {
    this.memo.set(currency, Date.now());
  }

  invalidate(currency: string) {
    this.byCurrency.delete(currency);
  }
}
