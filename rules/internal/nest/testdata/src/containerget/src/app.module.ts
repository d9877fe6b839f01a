import { Module } from '@nestjs/common';
import { Indexer, Warmup } from './indexer';

@Module({ providers: [Indexer, Warmup] })
export class AppModule {}
