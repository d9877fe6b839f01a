import { Controller, Post, Body } from '@nestjs/common';
import { OrdersService } from '@app/orders/orders.service';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post()
  create(@Body() dto: { sku: string }) {
    return this.orders.place(dto.sku);
  }
}
