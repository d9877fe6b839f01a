import { Body, Controller, Post } from '@nestjs/common';
import { PaymentsService } from './payments.service';
import { ShippingClient } from '../shipping/shipping.client';

@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService, private readonly shipping: ShippingClient) {}

  @Post()
  async charge(@Body() dto: { amount: number; address: string }) {
    const charge = await this.payments.charge(dto.amount);
    const quote = await this.shipping.quote(dto.address);
    return { charge, quote };
  }
}
