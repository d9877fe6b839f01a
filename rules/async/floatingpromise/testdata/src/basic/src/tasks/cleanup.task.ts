import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { CACHE_MANAGER } from '@nestjs/cache-manager';
import { Cache } from 'cache-manager';
import { promises as fsp } from 'fs';

@Injectable()
export class CleanupTask implements OnModuleInit {
  constructor(@Inject(CACHE_MANAGER) private readonly cache: Cache) {}

  onModuleInit() {
    setInterval(() => {
      this.flushStats(); // want "error: the promise of `CleanupTask\\.flushStats` is not awaited in a `setInterval` callback; if it rejects, the process crashes"
    }, 60_000);
    setTimeout(() => this.flushStats(), 5_000); // want "error: the promise of `CleanupTask\\.flushStats` is returned to `setTimeout`, which ignores it; if it rejects, the process crashes"
  }

  @Cron(CronExpression.EVERY_HOUR)
  evictReports() {
    this.cache.del('reports'); // want "error: the promise of cache manager `del` is not awaited in a scheduled job; if it rejects, the process crashes"
  }

  private async flushStats() {
    await fsp.appendFile('/var/log/stats.log', 'tick\n');
  }
}

// exported for a script nobody in the project calls: unknown context
export function dumpState(state: object) {
  fsp.writeFile('/tmp/state.json', JSON.stringify(state)); // want "warning: the promise of `fs\\.promises\\.writeFile` is not awaited in `dumpState` \\(no known entry point\\); if it rejects, the process crashes"
}
