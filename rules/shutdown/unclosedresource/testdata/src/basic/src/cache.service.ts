import { Injectable, Scope, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';

@Injectable()
export class CacheService {
  private readonly redis = new Redis(process.env.REDIS_URL); // want "warning: Redis connection `this\\.redis` is never closed: no shutdown hook of `CacheService` calls `quit\\(\\)` or `disconnect\\(\\)`, so the process hangs on SIGTERM"

  get(key: string) {
    return this.redis.get(key);
  }
}

@Injectable({ scope: Scope.REQUEST })
export class TenantCache implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor() {
    this.redis = new Redis(); // want "warning: Redis connection `this\\.redis` is never closed: Nest runs no hooks on request-scoped `TenantCache`, so one leaks per request; open it in a singleton"
  }

  async onModuleDestroy() {
    await this.redis.quit();
  }
}
