import { NestFactory } from '@nestjs/core';
import { UsersModule } from './users/users.module';
import { normalizeConfig } from './common/sanitize';

async function bootstrap() {
  const cfg = normalizeConfig({ legacy: true, port: 3000 });
  const app = await NestFactory.create(UsersModule);
  app.enableShutdownHooks();
  await app.listen(cfg.port);
}
bootstrap();
