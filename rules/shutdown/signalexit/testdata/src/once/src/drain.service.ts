import { Injectable, OnModuleInit } from '@nestjs/common';
import { exit } from 'node:process';

@Injectable()
export class DrainService implements OnModuleInit {
  onModuleInit(): void {
    // one finding, from signal-exit; process-exit leaves signal handlers to it
    process.addListener('SIGQUIT', () => {
      exit(1); // want "warning: the `SIGQUIT` handler calls `process\\.exit\\(\\)` before `app\\.close\\(\\)` finishes, so Nest's shutdown hooks never run; `await app\\.close\\(\\)` first"
    });
  }
}
