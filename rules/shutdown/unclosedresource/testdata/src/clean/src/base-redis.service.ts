import { OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';

export abstract class BaseRedisService implements OnModuleDestroy {
  protected redis!: Redis;

  async onModuleDestroy() {
    await this.redis.quit();
  }
}
