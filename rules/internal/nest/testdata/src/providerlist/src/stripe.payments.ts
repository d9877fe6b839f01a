import { Injectable } from '@nestjs/common';

@Injectable()
export class StripePayments {
  async charge(total: number): Promise<string> {
    return `stripe:${total}`;
  }
}
