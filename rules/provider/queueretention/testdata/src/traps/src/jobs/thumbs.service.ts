import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bull';
import { Queue, JobOptions } from 'bull';
import { RETENTION } from '../queues/options';

@Injectable()
export class ThumbsService {
  // a local object with an add method is not a queue
  private readonly seen = new Set<string>();

  constructor(@InjectQueue('thumbs') private readonly thumbs: Queue) {}

  async make(file: string, opts: JobOptions) {
    this.seen.add(file);
    await this.thumbs.add({ file }, { removeOnComplete: true }); // Bull's add(data, opts)
    await this.thumbs.add('resize', { file }, RETENTION);
    await this.thumbs.add('crop', { file }, opts); // options from a parameter: not read
  }
}
