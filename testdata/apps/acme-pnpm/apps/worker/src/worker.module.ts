import { Module } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { CoreModule } from '@acme/core';
import { EmailsProcessor } from './emails/emails.processor';

@Module({
  imports: [
    CoreModule.forRoot({ pepper: process.env.PASSWORD_PEPPER ?? '' }),
    BullModule.forRoot({ connection: { host: process.env.REDIS_HOST ?? 'localhost', port: 6379 } }),
    BullModule.registerQueue({ name: 'emails' }),
  ],
  providers: [EmailsProcessor],
})
export class WorkerModule {}
