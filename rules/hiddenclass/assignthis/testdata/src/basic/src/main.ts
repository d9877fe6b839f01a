import { NestFactory } from '@nestjs/core';
import { UsersModule } from './users/users.module';
import { AppConfig } from './app-settings';

async function bootstrap() {
  const cfg = new AppConfig(process.env);
  const app = await NestFactory.create(UsersModule);
  await app.listen(cfg.port);
}
bootstrap();
