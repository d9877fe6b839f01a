import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { exit } from 'node:process';

@Injectable()
export class LifecycleService implements OnApplicationBootstrap {
  onApplicationBootstrap() {
    // a signal handler registered at startup: shutdown/signal-exit judges it
    process.addListener('SIGTERM', () => {
      exit(0);
    });
    if (!process.env.DATABASE_URL) {
      exit(78); // want "warning: `process\\.exit\\(\\)` skips the shutdown hooks of initialized modules in `LifecycleService\\.onApplicationBootstrap` \\(startup code\\); throw instead"
    }
  }
}
