export interface PaymentInput { amount: number; coupon?: { value: number }; note?: string; kind: string; tags?: string[] }

export class Payment {
  amount: number;
  declared: number;
  note: string | undefined = undefined;
  kind: string;

  constructor(input: PaymentInput, private readonly currency?: string) {
    this.amount = input.amount;
    if (input.coupon) {
      this.discount = input.coupon.value; // want "warning: the constructor of `Payment` sets `this\\.discount` and 2 more only on some branches, so instances differ in shape; initialize them \\(`= undefined`\\)"
    }
    if (input.amount > 10) this.declared = 1;
    if (input.note) this.note = input.note;
    if (!currency) this.currency = 'EUR';
    if (input.kind === 'a') {
      this.kind = 'A';
    } else {
      this.kind = 'B';
    }
    if (input.tags) this.tags = input.tags;
    if (input.amount < 0) this.amount = 0;
    this.total = input.amount;
  }
}

export class Plain {
  constructor(flag: boolean) {
    this.a = 1;
    this.b = flag ? 2 : 3;
  }
}
