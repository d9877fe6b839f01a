import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { corsHeaders } from './common/middleware';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.use(corsHeaders);
  await app.listen(3000);
}
bootstrap();
