import { Injectable, Scope, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';

@Injectable()
export class CacheService {
  private readonly redis = new Redis(process.env.REDIS_URL); // want "warning: Redis connection this.redis opened in the initializer of redis is never closed: no onModuleDestroy, beforeApplicationShutdown or onApplicationShutdown of CacheService calls quit\\(\\) or disconnect\\(\\)"

  get(key: string) {
    return this.redis.get(key);
  }
}

@Injectable({ scope: Scope.REQUEST })
export class TenantCache implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor() {
    this.redis = new Redis(); // want "warning: Redis connection this.redis opened in TenantCache.constructor of request-scoped TenantCache is never closed: Nest never calls lifecycle hooks on request-scoped providers"
  }

  async onModuleDestroy() {
    await this.redis.quit();
  }
}
