import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bull';
import { EXPORT_QUEUE, RETENTION } from './queues/options';
import { ExportsService } from './jobs/exports.service';
import { ThumbsService } from './jobs/thumbs.service';

@Module({
  imports: [
    BullModule.registerQueue({ name: EXPORT_QUEUE, defaultJobOptions: { ...RETENTION, attempts: 2 } }),
    BullModule.registerQueue({ name: 'thumbs' }),
    BullModule.registerQueueAsync({ name: 'audit', useFactory: () => ({ defaultJobOptions: RETENTION }) }),
  ],
  providers: [ExportsService, ThumbsService],
})
export class AppModule {}
