import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule); // want "error: `app` from `NestFactory\\.create` never gets `enableShutdownHooks\\(\\)`, so no shutdown hook runs on SIGTERM; call `app\\.enableShutdownHooks\\(\\)`"
  app.setGlobalPrefix('api');
  await app.listen(process.env.PORT ?? 3000);
}
bootstrap();
