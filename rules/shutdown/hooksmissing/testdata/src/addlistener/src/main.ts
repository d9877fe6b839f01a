import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

// Its own SIGINT handler closes the app: no finding, however it is registered.
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  process.addListener('SIGINT', () => {
    void app.close();
  });
  await app.listen(3000);
}
void bootstrap();
