import { Module } from '@nestjs/common';
import { RatesClient } from './rates.client';

@Module({ providers: [RatesClient], exports: [RatesClient] })
export class SharedModule {}
