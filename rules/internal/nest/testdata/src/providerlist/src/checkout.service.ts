import { Inject, Injectable } from '@nestjs/common';
import { PAYMENTS } from './payments.port';

@Injectable()
export class CheckoutService {
  constructor(@Inject(PAYMENTS) private readonly payments) {}

  async pay(total: number) {
    return this.payments.charge(total);
  }
}
