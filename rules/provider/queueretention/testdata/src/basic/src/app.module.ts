import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { MAIL_QUEUE, REPORTS_QUEUE } from './queues/queue.names';
import { MailService } from './mail/mail.service';
import { ReportsService } from './reports/reports.service';

@Module({
  imports: [
    BullModule.forRoot({ connection: { host: 'redis', port: 6379 } }),
    BullModule.registerQueue({ name: MAIL_QUEUE }, { name: REPORTS_QUEUE, defaultJobOptions: { removeOnFail: 100 } }),
  ],
  providers: [MailService, ReportsService],
})
export class AppModule {}
