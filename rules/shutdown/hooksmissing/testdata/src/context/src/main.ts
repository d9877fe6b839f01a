import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { Worker } from './worker';

// an application context that is never served: not reported
async function bootstrap() {
  const ctx = await NestFactory.createApplicationContext(AppModule);
  ctx.get(Worker).run();
}
bootstrap();
