import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RateCardService } from '@app/common';
import { InvoiceNumbers } from './invoice-numbers.service';

@Controller()
export class InvoicesController {
  constructor(
    private readonly numbers: InvoiceNumbers,
    private readonly rates: RateCardService,
  ) {}

  @MessagePattern({ cmd: 'invoice.create' })
  create(@Payload() data: { sku: string; quantity: number }) {
    return { number: this.numbers.take(), cents: this.rates.priceFor(data.sku) * data.quantity };
  }
}
