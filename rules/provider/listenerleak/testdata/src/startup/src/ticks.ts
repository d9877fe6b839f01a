import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';

@Injectable()
export class Ticks {
  readonly ticks$ = new Subject<number>();
}
