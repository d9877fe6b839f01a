import { Controller, Param, Post } from '@nestjs/common';
import { OrdersService } from './orders.service';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Post(':user')
  place(@Param('user') user: string) {
    return this.orders.place(user);
  }
}
