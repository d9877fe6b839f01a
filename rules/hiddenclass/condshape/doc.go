// condshape: constructor adds properties on some branches only
//
// V8 gives instances of a class one hidden class as long as the constructor
// adds the same properties in the same order. A constructor that assigns
// `this.x` only inside an if, a switch case, a loop or a catch produces
// instances of different shapes, and every method that reads them becomes
// polymorphic (or megamorphic) and slower. nestlint reports a property
// assigned in the constructor only conditionally when it is not a
// parameter property, not declared with an initializer, not also assigned
// unconditionally, and not assigned on several branches (if/else, switch)
// of the constructor. Under define semantics (useDefineForClassFields, target
// ES2022 or later, the SWC builder) a declared field already exists, so it
// is not reported either. In a subclass of Error (directly, through project
// classes, or through a library class named like an error such as
// HttpException) this.stack and this.message are not reported: super()
// already created them (the Error constructor creates message when it is
// given one, and V8 always adds stack), so reassigning them keeps the
// shape. Offline code is not reported.
//
// Bad:
//
//	export class Payment {
//	  constructor(input: PaymentInput) {
//	    this.amount = input.amount;
//	    if (input.coupon) {
//	      this.discount = input.coupon.value; // only some instances have it
//	    }
//	  }
//	}
//
// Good:
//
//	export class Payment {
//	  discount: number | undefined = undefined;
//	  constructor(input: PaymentInput) {
//	    this.amount = input.amount;
//	    this.discount = input.coupon ? input.coupon.value : undefined;
//	  }
//	}
package condshape
