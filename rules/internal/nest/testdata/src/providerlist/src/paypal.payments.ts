import { Injectable } from '@nestjs/common';

@Injectable()
export class PaypalPayments {
  async charge(total: number): Promise<string> {
    return `paypal:${total}`;
  }
}
