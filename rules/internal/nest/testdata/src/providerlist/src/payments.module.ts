import { Module } from '@nestjs/common';
import { CheckoutController } from './checkout.controller';
import { CheckoutService } from './checkout.service';
import { STRIPE_PROVIDERS, PAYPAL_PROVIDERS } from './payment.providers';

@Module({
  controllers: [CheckoutController],
  providers: [CheckoutService, ...STRIPE_PROVIDERS],
})
export class PaymentsModule {}

export const UNUSED_ALTERNATIVE = PAYPAL_PROVIDERS;
