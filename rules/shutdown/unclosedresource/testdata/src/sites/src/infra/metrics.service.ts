import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { flushTimer } from './db';

@Injectable()
export class MetricsService implements OnApplicationShutdown {
  onApplicationShutdown() {
    clearInterval(flushTimer);
  }
}
