import { Controller, Get, Param } from '@nestjs/common';
import { RatesClient } from '@app/shared';

@Controller('quotes')
export class QuotesController {
  constructor(private readonly rates: RatesClient) {}

  @Get(':currency')
  async quote(@Param('currency') currency: string) {
    return { rate: await this.rates.rate(currency), history: await this.rates.history(currency) };
  }
}
