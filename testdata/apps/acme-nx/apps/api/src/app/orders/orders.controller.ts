import { Controller, Get, Header, Param } from '@nestjs/common';
import type { OrderSummary } from '@acme-nx/shared-types';
import { OrdersService } from './orders.service';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get(':id')
  findOne(@Param('id') id: string): Promise<OrderSummary> {
    return this.orders.summary(id);
  }

  @Get(':id/archive')
  @Header('Content-Encoding', 'gzip')
  archive(@Param('id') id: string): Promise<Buffer> {
    return this.orders.archive(id);
  }
}
