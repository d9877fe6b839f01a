import { Injectable, OnModuleInit } from '@nestjs/common';
import { watch } from 'node:fs';

@Injectable()
export class PollerService implements OnModuleInit {
  private timer?: NodeJS.Timeout;

  onModuleInit() {
    this.timer = setInterval(() => this.poll(), 5_000); // want "warning: setInterval timer this.timer opened in PollerService.onModuleInit is never closed"
    this.startWatching();
    setTimeout(() => this.poll(), 100); // one-shot, not stored: not reported
  }

  private startWatching() {
    watch('./config', () => this.poll()); // want "warning: file watcher opened in PollerService.startWatching is never closed"
  }

  private poll() {}
}
