import { Module, OnModuleInit } from '@nestjs/common';
import { QueueService } from './queue.service';

@Module({ providers: [QueueService], exports: [QueueService] })
export class JobsModule implements OnModuleInit {
  constructor(private readonly queues: QueueService) {}

  onModuleInit() {
    this.queues.register('emails');
  }
}
