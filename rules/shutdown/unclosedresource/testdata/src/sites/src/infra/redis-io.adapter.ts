import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { ServerOptions } from 'socket.io';

// the adapter keeps the clients only inside the adapter constructor
export class RedisIoAdapter extends IoAdapter {
  private adapterConstructor: ReturnType<typeof createAdapter>;

  async connectToRedis(): Promise<void> {
    const pubClient = createClient({ url: process.env.REDIS_URL }); // want "warning: Redis connection `pubClient` in `this\\.adapterConstructor` is never closed: `RedisIoAdapter` calls no `quit\\(\\)` or the like, so the process hangs on SIGTERM"
    const subClient = pubClient.duplicate(); // want "warning: Redis connection `subClient` in `this\\.adapterConstructor` is never closed: `RedisIoAdapter` calls no `quit\\(\\)` or the like, so the process hangs on SIGTERM"
    await Promise.all([pubClient.connect(), subClient.connect()]);
    this.adapterConstructor = createAdapter(pubClient, subClient);
  }

  createIOServer(port: number, options?: ServerOptions) {
    const server = super.createIOServer(port, options);
    server.adapter(this.adapterConstructor);
    return server;
  }
}

// this one closes its clients when Nest closes the adapter
export class ClosingRedisIoAdapter extends IoAdapter {
  private pub?: ReturnType<typeof createClient>;
  private sub?: ReturnType<typeof createClient>;
  private adapterConstructor: ReturnType<typeof createAdapter>;

  async connectToRedis(): Promise<void> {
    const pubClient = createClient({ url: process.env.REDIS_URL });
    const subClient = pubClient.duplicate();
    await Promise.all([pubClient.connect(), subClient.connect()]);
    this.pub = pubClient;
    this.sub = subClient;
    this.adapterConstructor = createAdapter(pubClient, subClient);
  }

  async close(server: any) {
    await super.close(server);
    await Promise.all([this.pub?.quit(), this.sub?.quit()]);
  }
}
