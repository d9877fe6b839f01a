import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { BaseRedisService } from './base-redis.service';

// closed by the base class's onModuleDestroy (another file)
@Injectable()
export class SessionsService extends BaseRedisService {
  constructor() {
    super();
    this.redis = new Redis();
  }
}
