import { Module } from '@nestjs/common';
import { JobsService } from './jobs.service';
import { SessionsService } from './sessions.service';

@Module({ providers: [JobsService, SessionsService] })
export class AppModule {}
