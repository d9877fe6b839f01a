import { INestApplication } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';

class RedisIoAdapter extends IoAdapter {
  constructor(
    app: INestApplication,
    private readonly adapterConstructor: ReturnType<typeof createAdapter>,
  ) {
    super(app);
  }

  createIOServer(port: number, options?: any) {
    const server = super.createIOServer(port, options);
    server.adapter(this.adapterConstructor);
    return server;
  }
}

export async function setupSocketAdapter(app: INestApplication) {
  const pubClient = createClient({ url: process.env.REDIS_URL }); // want "warning: Redis connection `pubClient` opened in `setupSocketAdapter` is never closed: nothing calls `quit\\(\\)` or the like, so the process hangs on SIGTERM"
  const subClient = pubClient.duplicate(); // want "warning: Redis connection `subClient` opened in `setupSocketAdapter` is never closed: nothing calls `quit\\(\\)` or the like, so the process hangs on SIGTERM"
  await Promise.all([pubClient.connect(), subClient.connect()]);
  app.useWebSocketAdapter(new RedisIoAdapter(app, createAdapter(pubClient, subClient)));
}
