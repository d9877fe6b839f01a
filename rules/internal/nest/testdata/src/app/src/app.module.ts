import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppController } from './app.controller';
import { AppService } from './app.service';
import { RequestLogger } from './common/request-logger';
import { requestId } from './common/middleware';
import databaseConfig from './config/database.config';

export const MODULE_LOADED_AT = new Date().toISOString();

@Module({
  imports: [ConfigModule.forRoot({ load: [databaseConfig] })],
  controllers: [AppController],
  providers: [
    AppService,
    RequestLogger,
    {
      provide: 'CONNECTION',
      useFactory: async () => {
        const conn = await openConnection();
        return conn;
      },
    },
    {
      provide: 'FORMATTER',
      useFactory: () => {
        return (value: string) => formatValue(value);
      },
    },
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(requestId).forRoutes('*');
  }
}

async function openConnection() {
  return { connected: true };
}

function formatValue(value: string) {
  return value.trim();
}
