export const PAYMENTS = Symbol('PAYMENTS');

export interface PaymentsPort {
  charge(amountCents: number): Promise<string>;
}
