import { Injectable, Scope } from '@nestjs/common';

@Injectable({ scope: Scope.TRANSIENT })
export class IdGenerator {
  private n = 0;

  next() {
    return ++this.n;
  }
}
