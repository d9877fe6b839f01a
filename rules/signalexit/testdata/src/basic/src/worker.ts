import { Injectable, OnModuleInit } from '@nestjs/common';
import { Server } from 'http';

@Injectable()
export class MetricsServer implements OnModuleInit {
  private server = new Server();

  onModuleInit() {
    process.on('SIGTERM', async () => {
      process.exit(0); // want "warning: the `SIGTERM` handler calls `process\\.exit\\(\\)` without awaiting `app\\.close\\(\\)` first: `onModuleDestroy`, `beforeApplicationShutdown` and `onApplicationShutdown` never run, even with `enableShutdownHooks\\(\\)`; await `app\\.close\\(\\)` before exiting"
      await this.server.close();
    });
  }
}
