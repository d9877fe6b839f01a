import { PAYMENTS } from './payments.port';
import { StripePayments } from './stripe.payments';
import { PaypalPayments } from './paypal.payments';

export const STRIPE_PROVIDERS = [{ provide: PAYMENTS, useClass: StripePayments }];

export const PAYPAL_PROVIDERS = [{ provide: PAYMENTS, useClass: PaypalPayments }];
