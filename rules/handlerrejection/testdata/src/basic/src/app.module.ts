import { Module } from '@nestjs/common';
import { OutboxService } from './outbox/outbox.service';
import { OutboxPoller } from './outbox/outbox.poller';
import { PresenceListener } from './outbox/presence.listener';

@Module({ providers: [OutboxService, OutboxPoller, PresenceListener] })
export class AppModule {}
