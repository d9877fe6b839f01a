import { Injectable, OnModuleInit } from '@nestjs/common';
import { watch } from 'node:fs';

@Injectable()
export class PollerService implements OnModuleInit {
  private timer?: NodeJS.Timeout;

  onModuleInit() {
    this.timer = setInterval(() => this.poll(), 5_000); // want "warning: `setInterval` timer `this\\.timer` is never closed: no shutdown hook of `PollerService` calls `clearInterval\\(\\)`, so the process hangs on SIGTERM"
    this.startWatching();
    setTimeout(() => this.poll(), 100); // one-shot, not stored: not reported
  }

  private startWatching() {
    watch('./config', () => this.poll()); // want "warning: file watcher opened in `PollerService\\.startWatching` is never closed: no shutdown hook of `PollerService` calls `close\\(\\)`, so the process hangs on SIGTERM"
  }

  private poll() {}
}
