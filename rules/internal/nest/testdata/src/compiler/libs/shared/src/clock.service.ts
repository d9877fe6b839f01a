import { Injectable } from '@nestjs/common';

@Injectable()
export class ClockService {
  private offset: number;

  setOffset(ms: number) {
    this.offset = ms;
  }

  now() {
    return Date.now() + (this.offset ?? 0);
  }
}
