import { Body, Controller, Post } from '@nestjs/common';
import { OrdersService } from './orders.service';
import { LedgerService } from './ledger.service';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService, private readonly ledger: LedgerService) {}

  @Post()
  place(@Body() dto: { total: number; skus: string[] }) {
    return this.orders.place(dto);
  }

  @Post('transfer')
  transfer(@Body() dto: { from: string; to: string; amount: number }) {
    return this.ledger.transfer(dto.from, dto.to, dto.amount);
  }
}
