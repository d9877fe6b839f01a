import { Injectable, OnModuleInit } from '@nestjs/common';
import { Server } from 'http';

@Injectable()
export class MetricsServer implements OnModuleInit {
  private server = new Server();

  onModuleInit() {
    process.on('SIGTERM', async () => {
      process.exit(0); // want "warning: the `SIGTERM` handler calls `process\\.exit\\(\\)` before `app\\.close\\(\\)` finishes, so Nest's shutdown hooks never run; `await app\\.close\\(\\)` first"
      await this.server.close();
    });
  }
}
