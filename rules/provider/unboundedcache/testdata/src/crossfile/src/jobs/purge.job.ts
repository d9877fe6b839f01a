import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { QuotesService } from '../rates/quotes.service';

@Injectable()
export class PurgeJob {
  constructor(private readonly quotes: QuotesService) {}

  @Cron('*/5 * * * *')
  purge() {
    this.quotes.quotes.clear();
  }
}
