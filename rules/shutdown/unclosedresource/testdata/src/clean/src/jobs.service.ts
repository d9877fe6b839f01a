import { Injectable, OnModuleInit, OnModuleDestroy, OnApplicationShutdown } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import { Worker as Thread } from 'node:worker_threads';
import * as mongoose from 'mongoose';

class Redis {
  quit() {}
}

@Injectable()
export class JobsService implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  private readonly queue = new Queue('jobs');
  private worker?: Worker;
  private thread?: Thread;
  private timer?: NodeJS.Timeout;
  private local = new Redis(); // a project class, not ioredis

  onModuleInit() {
    this.worker = new Worker('jobs', async () => undefined);
    this.thread = new Thread('./hash.js');
    this.timer = setInterval(() => undefined, 1000);
    mongoose.connect(process.env.MONGO_URL!);
  }

  async onModuleDestroy() {
    clearInterval(this.timer);
    await this.shutdownQueues();
  }

  private async shutdownQueues() {
    await this.worker?.close();
    await this.queue.close();
  }

  async onApplicationShutdown() {
    await this.thread?.terminate();
    await mongoose.disconnect();
  }
}
