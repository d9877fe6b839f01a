import { Module } from '@nestjs/common';
import { SharedModule } from '@app/shared';
import { QuotesController } from './quotes.controller';

@Module({ imports: [SharedModule], controllers: [QuotesController] })
export class ApiModule {}
