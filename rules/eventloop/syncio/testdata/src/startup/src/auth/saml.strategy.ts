import { readFileSync } from 'fs';

export class SamlStrategy {
  readonly cert: string;
  constructor(path: string) {
    this.cert = readFileSync(path, 'utf8');
  }
}
