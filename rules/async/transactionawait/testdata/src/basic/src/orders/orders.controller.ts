import { Body, Controller, Post } from '@nestjs/common';
import { OrdersService } from './orders.service';
import { LedgerService } from './ledger.service';
import { RefundsService } from './refunds.service';

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService, private readonly ledger: LedgerService, private readonly refunds: RefundsService) {}

  @Post()
  place(@Body() dto: { total: number; skus: string[] }) {
    return this.orders.place(dto);
  }

  @Post('refund')
  refund(@Body() dto: { orderId: string; amount: number }) {
    return this.refunds.refund(dto.orderId, dto.amount);
  }

  @Post('transfer')
  transfer(@Body() dto: { from: string; to: string; amount: number }) {
    return this.ledger.transfer(dto.from, dto.to, dto.amount);
  }
}
