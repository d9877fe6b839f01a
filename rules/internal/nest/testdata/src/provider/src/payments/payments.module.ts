import { Module } from '@nestjs/common';
import { PAYMENTS } from './payments.port';
import { StripePayments } from './stripe.payments';
import { CheckoutService } from './checkout.service';
import { CheckoutController } from './checkout.controller';

@Module({
  controllers: [CheckoutController],
  providers: [CheckoutService, { provide: PAYMENTS, useClass: StripePayments }],
  exports: [CheckoutService],
})
export class PaymentsModule {}
