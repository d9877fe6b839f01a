import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ClientProxy } from '@nestjs/microservices';
import { RateCardService } from '@app/common';
import { QuoteCache } from './quote-cache.service';

@Controller('quotes')
export class QuotesController {
  constructor(
    private readonly rates: RateCardService,
    private readonly cache: QuoteCache,
    @Inject('BILLING') private readonly billing: ClientProxy,
  ) {}

  @Get(':sku')
  quote(@Param('sku') sku: string) {
    return { sku, cents: this.rates.priceFor(sku), ttlMs: this.cache.ttl() };
  }
}
