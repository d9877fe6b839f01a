import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'fs';
import { AppModule } from './app.module';

const banner = readFileSync('banner.txt', 'utf8');

async function bootstrap() {
  const key = readFileSync('key.pem');
  const app = await NestFactory.create(AppModule, { httpsOptions: { key } });
  await app.listen(3000);
}
bootstrap();
