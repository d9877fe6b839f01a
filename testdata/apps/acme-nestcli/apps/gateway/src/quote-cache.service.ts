import { Injectable, OnModuleInit } from '@nestjs/common';

@Injectable()
export class QuoteCache implements OnModuleInit {
  // ES2022 from the root tsconfig.json (apps/gateway/tsconfig.app.json does
  // not override it): the field exists from construction.
  private ttlMs: number;

  onModuleInit(): void {
    this.ttlMs = Number(process.env.QUOTE_TTL_MS ?? 60_000);
  }

  ttl(): number {
    return this.ttlMs;
  }
}
