import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { OnEvent } from '@nestjs/event-emitter';
import { Process, Processor as BullProcessor } from '@nestjs/bull';
import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';

@Injectable()
export class CleanupJob {
  @Cron(CronExpression.EVERY_HOUR)
  purge() {
    return 'purged';
  }

  @OnEvent('user.created')
  onUserCreated(payload: { id: string }) {
    return payload.id;
  }
}

@BullProcessor('mail')
export class MailConsumer {
  @Process('send')
  send(job: { data: unknown }) {
    return job.data;
  }
}

@Processor('video')
export class VideoWorker extends WorkerHost {
  async process(job: Job): Promise<void> {
    await transcode(job.name);
  }
}

async function transcode(name: string) {
  return name;
}
