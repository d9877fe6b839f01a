import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { QueueEvents, Worker } from 'bullmq';

@Injectable()
export class QueueService implements OnModuleDestroy {
  private worker?: Worker;
  private events?: QueueEvents;

  // called at startup by JobsModule.onModuleInit
  register(name: string) {
    this.worker = new Worker(name, async () => undefined); // want "warning: queue `this\\.worker` opened in `QueueService\\.register` is never closed: no shutdown hook of `QueueService` calls `close\\(\\)`, so the process hangs on SIGTERM"
    this.events = new QueueEvents(name);
  }

  async onModuleDestroy() {
    await this.events?.close();
  }
}
