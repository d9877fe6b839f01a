import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

let app: any;

async function bootstrap() {
  app = await NestFactory.create(AppModule);
  await app.listen(3000);
}
bootstrap();
