import { Module } from '@nestjs/common';
import { DrainService } from './drain.service';

@Module({ providers: [DrainService] })
export class AppModule {}
