import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { monitorEventLoopDelay } from 'perf_hooks';

const FLUSH_EVERY_MS = 15_000;
const WARN_P99_MS = 100;

@Injectable()
export class EventLoopMonitor implements OnModuleInit {
  private readonly logger = new Logger(EventLoopMonitor.name);
  private readonly histogram = monitorEventLoopDelay({ resolution: 20 });

  onModuleInit(): void {
    this.histogram.enable();
    setInterval(() => this.flush(), FLUSH_EVERY_MS);
  }

  private flush(): void {
    const p99 = this.histogram.percentile(99) / 1e6;
    const max = this.histogram.max / 1e6;
    if (p99 > WARN_P99_MS) {
      this.logger.warn(`event loop lag p99=${p99.toFixed(1)}ms max=${max.toFixed(1)}ms`);
    } else {
      this.logger.debug(`event loop lag p99=${p99.toFixed(1)}ms`);
    }
    this.histogram.reset();
  }
}
