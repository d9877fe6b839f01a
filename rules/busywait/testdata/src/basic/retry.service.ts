import { Injectable, OnModuleInit } from '@nestjs/common';

@Injectable()
export class RetryService implements OnModuleInit {
  onModuleInit() {
    const until = Date.now() + 10;
    while (Date.now() < until) {} // want "warning: loop spins on the clock without awaiting in `RetryService\\.onModuleInit` \\(startup code\\); nothing else runs on the event loop meanwhile: await a timer \\(`node:timers/promises`\\) instead"
  }

  spin(ms: number) {
    const start = performance.now();
    do { // want "error: loop spins on the clock without awaiting on the request path; nothing else runs on the event loop meanwhile: await a timer \\(`node:timers/promises`\\) instead" "via ItemsController.list -> RetryService.spin"
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
    Atomics.wait(buf, 0, 0, 100); // want "warning: Atomics\\.wait blocks the main thread in `RetryService\\.block`, which no entry point is known to reach; if it runs per request, nothing else runs on the event loop meanwhile: await a timer \\(`node:timers/promises`\\) instead"
  }
}
