import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CacheModule } from '@nestjs/cache-manager';
import { MailerModule } from '@nestjs-modules/mailer';
import { WinstonModule } from 'nest-winston';
import { buildTypeOrmConfig, redisOptionsFactory } from './config/database.options';
import { loadTemplates } from './config/mailer.templates';
import { RotatingFileTransport } from './logging/file.transport';
import { AuthModule } from './auth/auth.module';
import { ConfigModule } from '@nestjs/config';
import configuration, { validateEnv } from './config/configuration';
import { JwtModule } from '@nestjs/jwt';
import { appConfig } from './config/app-config';
import { JwtOptionsService } from './config/jwt-options.factory';
import { DatabaseModule } from './database/database.module';
import { UploadsController } from './uploads/uploads.controller';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, load: [configuration], validate: validateEnv }),
    TypeOrmModule.forRoot(buildTypeOrmConfig()),
    TypeOrmModule.forRoot(appConfig.typeOrmOptions()),
    JwtModule.registerAsync({ useClass: JwtOptionsService }),
    DatabaseModule,
    CacheModule.registerAsync({ useFactory: redisOptionsFactory }),
    MailerModule.forRootAsync({
      useFactory: () => ({ template: { dir: 'templates' }, preview: loadTemplates('templates') }),
    }),
    WinstonModule.forRoot({ transports: [new RotatingFileTransport('/var/log/app')] }),
    AuthModule,
  ],
  controllers: [UploadsController],
})
export class AppModule {}
