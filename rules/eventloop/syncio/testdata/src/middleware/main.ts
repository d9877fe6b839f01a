import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'fs';
import { AppModule } from './app.module';
import { requestLogger } from './logger';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.use((req: any, _res: any, next: () => void) => {
    req.banner = readFileSync('banner.txt', 'utf8'); // want "error: `fs\\.readFileSync` blocks the event loop on the request path; use `fs\\.promises\\.readFile`"
    next();
  });
  app.use(requestLogger);
  app.enableShutdownHooks();
  await app.listen(3000);
}
bootstrap();
