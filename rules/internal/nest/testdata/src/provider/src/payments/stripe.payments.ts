import { Injectable } from '@nestjs/common';
import { PaymentsPort } from './payments.port';

@Injectable()
export class StripePayments implements PaymentsPort {
  async charge(amountCents: number): Promise<string> {
    return `ch_${amountCents}`;
  }
}
