import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Job, Worker } from 'bullmq';
import { OutboxService } from './outbox.service';

// A BullMQ worker created in a provider, not with @Processor.
@Injectable()
export class ImportWorker implements OnModuleInit, OnModuleDestroy {
  private worker?: Worker;

  constructor(private readonly outbox: OutboxService) {}

  onModuleInit() {
    // the processor's rejection fails the job: BullMQ handles it
    this.worker = new Worker('imports', async (job: Job) => {
      await this.outbox.flush();
      return job.id;
    });
    this.worker.on('failed', async () => { // want "error: async listener passed to `this\\.worker\\.on` can reject and nothing awaits it, so the process crashes; wrap its body in `try`/`catch`"
      await this.outbox.flush();
    });
  }

  async onModuleDestroy() {
    await this.worker?.close();
  }
}
