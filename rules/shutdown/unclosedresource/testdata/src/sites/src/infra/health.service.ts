import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';

@Injectable()
export class HealthService implements OnModuleInit, OnApplicationBootstrap {
  private readonly pools: Redis[] = [];
  private lastEvent = '';

  // a probe closed where it is used: not reported
  async onModuleInit() {
    const probe = new Redis(process.env.REDIS_URL);
    await probe.ping();
    await probe.quit();
    const spare = new Redis(process.env.REDIS_URL);
    this.pools.push(spare); // handed on to the instance
  }

  // a subscriber captured by the listener closure, never closed
  onApplicationBootstrap() {
    const sub = new Redis(process.env.REDIS_URL); // want "warning: Redis connection is never closed: no shutdown hook of `HealthService` calls `quit\\(\\)` or `disconnect\\(\\)`, so the process hangs on SIGTERM"
    sub.subscribe('events');
    sub.on('message', (_channel, message) => {
      this.lastEvent = message;
    });
  }
}
