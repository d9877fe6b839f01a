import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { OutboxService } from './outbox.service';

@Injectable()
export class OutboxPoller implements OnModuleInit, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private open = true;

  constructor(private readonly outbox: OutboxService) {}

  onModuleInit() {
    this.timer = setInterval(async () => { // want "error: async `setInterval` callback can reject and nothing awaits it, so the process crashes; wrap its body in `try`/`catch`"
      await this.outbox.flush();
    }, 5_000);
    setTimeout(async () => { // want "error: async `setTimeout` callback can reject and nothing awaits it, so the process crashes; wrap its body in `try`/`catch`"
      this.outbox.assertOpen(this.open);
    }, 100);
    process.on('message', async () => { // want "error: async listener passed to `process\\.on` can reject and nothing awaits it, so the process crashes; wrap its body in `try`/`catch`"
      await this.outbox.flush();
    });
  }

  onModuleDestroy() {
    this.open = false;
    clearInterval(this.timer);
  }
}
