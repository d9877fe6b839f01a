export class Payment {
  discount?: number;
  constructor(input: { coupon?: { value: number }; ref?: string }) {
    if (input.coupon) this.discount = input.coupon.value;
    if (input.ref) this.ref = input.ref; // want "warning: the constructor of `Payment` sets `this\\.ref` only on some branches, so instances differ in shape; initialize it \\(`= undefined`\\)"
  }
}
