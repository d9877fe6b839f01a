export interface OrderSummary {
  id: string;
  totalCents: number;
  currency: string;
}

/** Display helper used by the dashboard. */
export function formatMoney(summary: OrderSummary): string {
  const out: Record<string, string> = {};
  out.amount = (summary.totalCents / 100).toFixed(2);
  out.currency = summary.currency;
  return `${out.amount} ${out.currency}`;
}
