import { NestFactory } from '@nestjs/core';
import { exit as quit } from 'node:process';
import { AppModule } from './app.module';
import { drain } from './drain';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  process.addListener('SIGTERM', async () => {
    await app.close();
    quit(0);
  });
  process.once('SIGINT', drain);
  process.on('uncaughtException', () => process.exit(1));
  await app.listen(3000);
}

void bootstrap();
