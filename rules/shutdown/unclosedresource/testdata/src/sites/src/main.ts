import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { RedisBoot } from './infra/redis-boot';
import { setupSocketAdapter } from './infra/socket-adapter';
import { pool } from './infra/db';
import { ClosingRedisIoAdapter, RedisIoAdapter } from './infra/redis-io.adapter';
import { SearchIndexer } from './infra/search-indexer.service';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks();
  await RedisBoot.connect();
  await setupSocketAdapter(app);
  await app.get(SearchIndexer).init();
  const redisIoAdapter = new RedisIoAdapter(app);
  await redisIoAdapter.connectToRedis();
  app.useWebSocketAdapter(redisIoAdapter);
  const closing = new ClosingRedisIoAdapter(app);
  await closing.connectToRedis();
  process.on('SIGTERM', async () => {
    await app.close();
    await pool.end();
    await RedisBoot.subscriber.quit();
  });
  await app.listen(3000);
}
bootstrap();
