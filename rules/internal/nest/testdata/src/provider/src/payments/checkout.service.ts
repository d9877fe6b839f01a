import { Inject, Injectable } from '@nestjs/common';
import { PAYMENTS, PaymentsPort } from './payments.port';

@Injectable()
export class CheckoutService {
  constructor(@Inject(PAYMENTS) private readonly payments: PaymentsPort) {}

  async pay(total: number) {
    return this.payments.charge(total);
  }
}
