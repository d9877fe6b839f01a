import { Injectable, OnModuleInit } from '@nestjs/common';

@Injectable()
export class ConfigCheck implements OnModuleInit {
  onModuleInit() {
    if (!process.env.DB_URL) {
      process.exit(1); // want "warning: `process\\.exit\\(\\)` skips the shutdown hooks of initialized modules in `ConfigCheck\\.onModuleInit` \\(startup code\\); throw instead"
    }
    process.on('SIGUSR2', () => process.exit(0)); // signal handlers are shutdown/signal-exit's
  }
}
