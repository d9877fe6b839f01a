import { Injectable, OnModuleInit } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import Redis from 'ioredis';
import { OutboxService } from './outbox.service';

@Injectable()
export class PresenceListener implements OnModuleInit {
  private readonly sub = new Redis();

  constructor(private readonly outbox: OutboxService) {}

  onModuleInit() {
    this.sub.on('message', async (_channel: string, message: string) => { // want "error: async listener passed to `this\\.sub\\.on` can reject and nothing awaits it, so the process crashes; wrap its body in `try`/`catch`"
      if (!message) {
        throw new Error('empty presence message');
      }
    });
  }

  @OnEvent('outbox.stale', { suppressErrors: false })
  async onStale() { // want "error: async `@OnEvent` handler with `suppressErrors: false` can reject and nothing awaits it, so the process crashes; wrap its body in `try`/`catch`"
    await this.outbox.flush();
  }
}
