import { Controller, Get } from '@nestjs/common';
import * as counters from '../state/counters';

@Controller('stats')
export class StatsController {
  @Get()
  hit() {
    counters.limits.default = 10;
    counters.bump();
    return counters.served;
  }
}
