import { Injectable, Scope } from '@nestjs/common';

@Injectable({ scope: Scope.TRANSIENT })
export class Clock {
  now() {
    return Date.now();
  }
}
