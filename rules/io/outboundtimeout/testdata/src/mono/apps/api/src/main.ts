import { NestFactory } from '@nestjs/core';
import { ApiModule } from './api.module';

async function bootstrap() {
  const app = await NestFactory.create(ApiModule);
  app.enableShutdownHooks();
  await app.listen(3000);
}
void bootstrap();
