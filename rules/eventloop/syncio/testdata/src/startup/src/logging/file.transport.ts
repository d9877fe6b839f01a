import { mkdirSync } from 'fs';

// Not a provider: built once inside the logger module's config.
export class RotatingFileTransport {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }
}
