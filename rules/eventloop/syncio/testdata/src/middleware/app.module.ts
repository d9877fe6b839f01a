import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { existsSync } from 'fs';
import { audit } from './audit';

@Module({})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    if (existsSync('.maintenance')) {
      consumer.apply(audit).forRoutes('*');
    }
  }
}
