import { Injectable as Provider } from '@nestjs/common';
import { readFileSync as slurp } from 'fs';

const process = { exit: (code: number) => code };

@Provider()
export class JobsService {
  load(): string {
    process.exit(2);
    return [1, 2].map((n) => slurp(`/data/${n}`, 'utf8')).join();
  }
}
