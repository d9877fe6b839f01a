import { Injectable, OnModuleInit } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import Redis from 'ioredis';
import { OutboxService } from './outbox.service';

@Injectable()
export class PresenceListener implements OnModuleInit {
  private readonly sub = new Redis();

  constructor(private readonly outbox: OutboxService) {}

  onModuleInit() {
    this.sub.on('message', async (_channel: string, message: string) => { // want "error: async listener passed to this.sub.on\\(\\) can reject"
      if (!message) {
        throw new Error('empty presence message');
      }
    });
  }

  @OnEvent('outbox.stale', { suppressErrors: false })
  async onStale() { // want "error: async @OnEvent handler PresenceListener.onStale with suppressErrors: false can reject"
    await this.outbox.flush();
  }
}
