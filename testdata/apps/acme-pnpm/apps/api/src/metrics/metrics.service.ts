import { Injectable, OnModuleInit } from '@nestjs/common';

@Injectable()
export class MetricsService implements OnModuleInit {
  // Declared without an initializer and first set in onModuleInit: with the
  // ES2021 target of tsconfig.app.json the field is not emitted, so the
  // instance changes shape after construction.
  private bootedAt: number;
  private requests = 0;

  onModuleInit(): void {
    this.bootedAt = Date.now();
  }

  uptimeMs(): number {
    this.requests++;
    return Date.now() - this.bootedAt;
  }
}
