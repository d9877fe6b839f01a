import { Module } from '@nestjs/common';
import { RateCardService } from './rate-card.service';

@Module({
  providers: [RateCardService],
  exports: [RateCardService],
})
export class CommonModule {}
