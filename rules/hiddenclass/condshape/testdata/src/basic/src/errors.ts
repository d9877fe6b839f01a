import { HttpException, HttpStatus } from '@nestjs/common';

export class DomainError extends Error {
  constructor(message: string, readonly code: string, cause?: Error) {
    super(message);
    this.name = 'DomainError';
    if (cause?.stack) {
      this.stack = `${this.stack}\nCaused by: ${cause.stack}`;
    }
  }
}

// Derives from Error through a project class.
export class PaymentDeclinedError extends DomainError {
  constructor(reason?: string) {
    super('payment declined', 'PAYMENT_DECLINED');
    if (reason) this.message = `payment declined: ${reason}`;
  }
}

export class QuotaExceededException extends HttpException {
  constructor(limit?: number, retryAfter?: number) {
    super('quota exceeded', HttpStatus.TOO_MANY_REQUESTS);
    if (limit) this.message = `quota of ${limit} requests exceeded`;
    if (retryAfter) this.retryAfter = retryAfter; // want "warning: the constructor of `QuotaExceededException` sets `this\\.retryAfter` only on some branches, so instances differ in shape; initialize it \\(`= undefined`\\)"
  }
}

// Not an error: message is an ordinary field that only some instances get.
export class Notification {
  constructor(readonly userId: string, body?: string) {
    if (body) this.message = body; // want "warning: the constructor of `Notification` sets `this\\.message` only on some branches, so instances differ in shape; initialize it \\(`= undefined`\\)"
  }
}
