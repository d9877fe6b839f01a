import { Controller, Get, Query } from '@nestjs/common';
import { RatesService } from './rates.service';
import { QuotesService } from './quotes.service';

@Controller('rates')
export class RatesController {
  constructor(private readonly rates: RatesService, private readonly quotes: QuotesService) {}

  @Get()
  rate(@Query('c') c: string) {
    this.quotes.quote(c);
    return this.rates.rate(c);
  }
}
