import defer * as reports from './reports';
import type { Order } from './order';
export type * from './order';
export type * as Billing from './billing';
export * as Shipping from './shipping';

export function total(o: Order): number {
  return reports.sum(o);
}
