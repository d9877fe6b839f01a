import { Controller, Get, Param } from '@nestjs/common';
import { OrdersService } from './orders.service';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get(':id/invoice')
  invoice(@Param('id') id: string) {
    return this.orders.renderInvoice(id);
  }
}
