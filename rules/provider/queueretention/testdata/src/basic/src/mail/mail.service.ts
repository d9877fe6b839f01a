import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { MAIL_QUEUE } from '../queues/queue.names';

@Injectable()
export class MailService {
  constructor(@InjectQueue(MAIL_QUEUE) private readonly mail: Queue) {}

  async welcome(userId: string) {
    await this.mail.add('welcome', { userId }); // want "warning: jobs of queue `mail` are never removed: no `removeOnComplete` \\(nor `removeOnFail`\\) is set, so finished jobs fill Redis; set it, e\\.g\\. `\\{ age: 3600 \\}`"
  }

  async digest(userIds: string[]) {
    await this.mail.addBulk(userIds.map((userId) => ({ name: 'digest', data: { userId } }))); // addBulk of a computed array: not read
    await this.mail.addBulk([{ name: 'digest', data: {} }]); // want "warning: jobs of queue `mail` are never removed: no `removeOnComplete` \\(nor `removeOnFail`\\) is set, so finished jobs fill Redis; set it, e\\.g\\. `\\{ age: 3600 \\}`"
  }
}
