import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

// a one-shot program: it closes the app itself
async function main() {
  const app = await NestFactory.create(AppModule);
  await app.init();
  await app.close();
}
main();
