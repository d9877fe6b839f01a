import { Controller, Post } from '@nestjs/common';
import { CreateOrder } from './use-cases';

@Controller('orders')
export class OrdersController {
  constructor(private readonly createOrder: CreateOrder) {}

  @Post()
  create(): string {
    return this.createOrder.execute();
  }
}
