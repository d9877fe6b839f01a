import { Injectable, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';

@Injectable()
export class RedisService implements OnModuleInit {
  private client: Redis; // want "warning: field `client` is first set in `onModuleInit`, and with `target: ES2021` in `tsconfig\\.base\\.json` instances change shape"
  async onModuleInit() {
    this.client = new Redis();
  }
}
