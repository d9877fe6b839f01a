import { Module } from '@nestjs/common';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';
import { ConfigCheck } from './config.check';

@Module({ controllers: [JobsController], providers: [JobsService, ConfigCheck] })
export class AppModule {}
