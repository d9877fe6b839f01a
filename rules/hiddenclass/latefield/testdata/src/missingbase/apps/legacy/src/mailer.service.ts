import { Injectable, OnModuleInit } from '@nestjs/common';

@Injectable()
export class LegacyMailerService implements OnModuleInit {
  private from: string; // want "warning: field `from` is first set in `onModuleInit`, and with `target: ES2019` in `apps/legacy/tsconfig\\.json` instances change shape"

  onModuleInit() {
    this.from = 'noreply@example.test';
  }
}
