import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { onUsr2 } from './signals';
import { installExitHandler } from './lifecycle';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.enableShutdownHooks();
  const logger = new Logger('main');

  process.on('SIGTERM', () => {
    logger.log('terminating');
    process.exit(0); // want "warning: the `SIGTERM` handler calls `process\\.exit\\(\\)` before `app\\.close\\(\\)` finishes, so Nest's shutdown hooks never run; `await app\\.close\\(\\)` first"
  });
  process.on('SIGINT', async () => {
    await app.close();
    process.exit(0);
  });
  process.once('SIGHUP', () => {
    app.close().then(() => process.exit(0));
  });
  process.on('SIGUSR2', onUsr2);
  installExitHandler();
  process.on('SIGUSR1', () => process.exit(0)); // not a termination signal nestlint tracks

  await app.listen(3000);
}
bootstrap();
