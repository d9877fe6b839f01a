import { Module } from '@nestjs/common';
import { JobsController } from './jobs.controller';
import { JobsService } from './jobs.service';
import { ConfigCheck } from './config.check';
import { LifecycleService } from './lifecycle.service';

@Module({ controllers: [JobsController], providers: [JobsService, ConfigCheck, LifecycleService] })
export class AppModule {}
