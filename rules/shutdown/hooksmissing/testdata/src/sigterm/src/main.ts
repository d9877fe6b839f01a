import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  process.on('SIGTERM', async () => {
    await app.close();
    process.exit(0);
  });
  await app.listen(3000);
}
bootstrap();
