import { readFileSync } from 'fs';
import { join } from 'path';
import { Logger, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { HttpExceptionFilter } from './common/filters/http-exception.filter';
import { LoggingInterceptor } from './common/interceptors/logging.interceptor';

const CERT_DIR = process.env.TLS_CERT_DIR ?? join(__dirname, '..', 'certs');

async function bootstrap() {
  const httpsOptions =
    process.env.TLS_ENABLED === 'true'
      ? {
          key: readFileSync(join(CERT_DIR, 'server.key')),
          cert: readFileSync(join(CERT_DIR, 'server.crt')),
        }
      : undefined;

  const app = await NestFactory.create(AppModule, { httpsOptions, bufferLogs: true });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useGlobalInterceptors(new LoggingInterceptor());
  app.enableCors();

  const port = Number(process.env.PORT ?? 3000);
  await app.listen(port);
  Logger.log(`shop-api listening on port ${port}`, 'Bootstrap');
}

bootstrap().catch((err) => {
  console.error('bootstrap failed', err);
  process.exit(1);
});
