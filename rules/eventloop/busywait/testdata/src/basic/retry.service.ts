import { Injectable, OnModuleInit } from '@nestjs/common';

@Injectable()
export class RetryService implements OnModuleInit {
  onModuleInit() {
    const until = Date.now() + 10;
    while (Date.now() < until) {} // want "warning: a loop spins on the clock and blocks the event loop in `RetryService\\.onModuleInit` \\(startup code\\); await a timer \\(`node:timers/promises`\\)"
  }

  spin(ms: number) {
    const start = performance.now();
    do { // want "error: a loop spins on the clock and blocks the event loop on the request path; await a timer \\(`node:timers/promises`\\)" "via ItemsController.list -> RetryService.spin"
      Math.random();
    } while (performance.now() - start < ms);
  }

  async poll(deadline: number) {
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  countdown(items: string[]) {
    for (let i = 0; i < items.length; i++) {
      items[i] = items[i].trim();
    }
  }

  block(buf: Int32Array) {
    Atomics.wait(buf, 0, 0, 100); // want "warning: `Atomics\\.wait` blocks the event loop in `RetryService\\.block` \\(no known entry point\\); await a timer \\(`node:timers/promises`\\)"
  }
}
