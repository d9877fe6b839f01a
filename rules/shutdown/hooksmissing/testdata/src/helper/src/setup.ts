import { INestApplication, ValidationPipe } from '@nestjs/common';

function lifecycle(target: INestApplication) {
  target.enableShutdownHooks();
}

export function configureApp(app: INestApplication) {
  app.useGlobalPipes(new ValidationPipe());
  lifecycle(app);
}
