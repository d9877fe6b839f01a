import { Injectable } from '@nestjs/common';
import { IdGenerator } from './id.generator';

@Injectable()
export class ClockService {
  constructor(private readonly ids: IdGenerator) {}

  now() {
    return Date.now() + this.ids.next();
  }
}
