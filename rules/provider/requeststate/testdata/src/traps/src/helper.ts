import { Injectable } from '@nestjs/common';

// nothing calls it: unknown context, not reported
@Injectable()
export class Orphan {
  private user: any;

  set(user: any) {
    this.user = user;
  }
}

// not a provider: a plain class built per call
export class Builder {
  private user: any;

  with(user: any) {
    this.user = user;
    return this;
  }
}
