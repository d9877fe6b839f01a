import { Injectable } from '@nestjs/common';

@Injectable()
export class QuotesService {
  // cleared by PurgeJob in another file
  readonly quotes = new Map<string, number>();

  quote(symbol: string) {
    this.quotes.set(symbol, Math.random());
    return this.quotes.get(symbol);
  }
}
