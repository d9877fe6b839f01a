import { Module } from '@nestjs/common';
import { OutboxService } from './outbox/outbox.service';
import { OutboxPoller } from './outbox/outbox.poller';
import { PresenceListener } from './outbox/presence.listener';
import { ImportWorker } from './outbox/import.worker';

@Module({ providers: [OutboxService, OutboxPoller, PresenceListener, ImportWorker] })
export class AppModule {}
