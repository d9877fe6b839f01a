import { Injectable, OnModuleInit } from '@nestjs/common';
import { Server } from 'http';

@Injectable()
export class MetricsServer implements OnModuleInit {
  private server = new Server();

  onModuleInit() {
    process.on('SIGTERM', async () => {
      process.exit(0); // want "warning: the SIGTERM handler calls process.exit"
      await this.server.close();
    });
  }
}
