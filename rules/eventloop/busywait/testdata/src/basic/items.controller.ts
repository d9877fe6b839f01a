import { Controller, Get } from '@nestjs/common';
import { RetryService } from './retry.service';

@Controller('items')
export class ItemsController {
  constructor(private readonly retry: RetryService) {}

  @Get()
  list() {
    this.retry.spin(5);
    return [];
  }
}
