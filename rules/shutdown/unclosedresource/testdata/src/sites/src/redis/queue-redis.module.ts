import { Module, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import Redis from 'ioredis';

export const QUEUE_REDIS = 'QUEUE_REDIS';

@Module({
  providers: [{ provide: QUEUE_REDIS, useFactory: () => new Redis(process.env.QUEUE_REDIS_URL) }],
  exports: [QUEUE_REDIS],
})
export class QueueRedisModule implements OnApplicationShutdown {
  constructor(private readonly moduleRef: ModuleRef) {}

  // the client is taken from the container and closed at shutdown
  async onApplicationShutdown() {
    const client = this.moduleRef.get<Redis>(QUEUE_REDIS);
    await client.quit();
  }
}
