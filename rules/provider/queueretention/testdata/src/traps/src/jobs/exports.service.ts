import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import { Queue } from 'bull';
import { EXPORT_QUEUE } from '../queues/options';

@Injectable()
export class ExportsService {
  constructor(
    @InjectQueue(EXPORT_QUEUE) private readonly exports: Queue,
    @InjectQueue('audit') private readonly audit: Queue,
  ) {}

  async start(id: string) {
    await this.exports.add('csv', { id });
    await this.audit.add({ id, action: 'export' });
  }
}
