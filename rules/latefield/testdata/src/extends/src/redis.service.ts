import { Injectable, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';

@Injectable()
export class RedisService implements OnModuleInit {
  private client: Redis; // want "warning: field client of RedisService .* first assigned in onModuleInit \\(line 8\\).*: target ES2021 in tsconfig.base.json erases declared fields"
  async onModuleInit() {
    this.client = new Redis();
  }
}
