import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { Indexer, Warmup } from './indexer';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.get(Indexer).init();
  const warmup = app.get(Warmup);
  await warmup.run();
  await app.listen(3000);
}
bootstrap();
