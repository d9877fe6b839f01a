import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';

// offline code (tests): not reported
@Injectable()
export class TestRedis {
  readonly redis = new Redis();
}
