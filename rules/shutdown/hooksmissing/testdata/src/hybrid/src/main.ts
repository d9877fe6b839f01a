import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, Transport } from '@nestjs/microservices';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule); // want "error: `app` from `NestFactory\\.create` never gets `enableShutdownHooks\\(\\)`, so no shutdown hook runs on SIGTERM; call `app\\.enableShutdownHooks\\(\\)`"
  app.connectMicroservice<MicroserviceOptions>({ transport: Transport.TCP });
  await app.startAllMicroservices();
}
bootstrap();
