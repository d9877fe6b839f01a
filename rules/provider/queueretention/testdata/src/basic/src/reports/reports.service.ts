import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { REPORTS_QUEUE } from '../queues/queue.names';

@Injectable()
export class ReportsService {
  constructor(@InjectQueue(REPORTS_QUEUE) private readonly reports: Queue) {}

  async schedule(month: string) {
    await this.reports.add('monthly', { month }, { attempts: 3 }); // want "warning: jobs of queue `reports` are never removed: no `removeOnComplete` is set, so finished jobs fill Redis; set it, e\\.g\\. `\\{ age: 3600 \\}`"
  }
}
