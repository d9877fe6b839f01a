import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { RedisBoot } from './infra/redis-boot';
import { setupSocketAdapter } from './infra/socket-adapter';
import { pool } from './infra/db';
import { SearchIndexer } from './infra/search-indexer.service';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks();
  await RedisBoot.connect();
  await setupSocketAdapter(app);
  await app.get(SearchIndexer).init();
  process.on('SIGTERM', async () => {
    await app.close();
    await pool.end();
    await RedisBoot.subscriber.quit();
  });
  await app.listen(3000);
}
bootstrap();
