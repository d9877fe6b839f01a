import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { OutboxService } from './outbox.service';

@Injectable()
export class OutboxPoller implements OnModuleInit, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private open = true;

  constructor(private readonly outbox: OutboxService) {}

  onModuleInit() {
    this.timer = setInterval(async () => { // want "error: async setInterval callback can reject \\(TypeORM DataSource.query\\) with no try/catch around it"
      await this.outbox.flush();
    }, 5_000);
    setTimeout(async () => { // want "error: async setTimeout callback can reject \\(OutboxService.assertOpen can throw"
      this.outbox.assertOpen(this.open);
    }, 100);
    process.on('message', async () => { // want "error: async listener passed to process.on\\(\\) can reject"
      await this.outbox.flush();
    });
  }

  onModuleDestroy() {
    this.open = false;
    clearInterval(this.timer);
  }
}
