import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { CatalogService } from './catalog.service';

export interface Quote {
  sku: string;
  priceCents: number;
  currency: string;
  expiresAt: number;
}

const QUOTE_TTL_MS = 60_000;
const MAX_QUOTES = 5_000;

@Injectable()
export class PricingService {
  private readonly quotes = new Map<string, Quote>();

  constructor(
    private readonly catalog: CatalogService,
    private readonly config: ConfigService,
  ) {}

  async quote(sku: string): Promise<Quote> {
    const now = Date.now();
    const hit = this.quotes.get(sku);
    if (hit && hit.expiresAt > now) {
      return hit;
    }
    const product = await this.catalog.findBySku(sku);
    const quote: Quote = {
      sku,
      priceCents: product.priceCents,
      currency: this.config.get<string>('app.currency', 'EUR'),
      expiresAt: now + QUOTE_TTL_MS,
    };
    if (this.quotes.size >= MAX_QUOTES) {
      const oldest = this.quotes.keys().next().value;
      this.quotes.delete(oldest);
    }
    this.quotes.set(sku, quote);
    return quote;
  }

  invalidate(sku: string): void {
    this.quotes.delete(sku);
  }
}
