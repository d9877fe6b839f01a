import { Injectable, OnModuleInit } from '@nestjs/common';

@Injectable()
export class InvoiceNumbers implements OnModuleInit {
  // Late under ES2020, the target of apps/billing/tsconfig.app.json.
  private prefix: string;
  private next = 1;

  onModuleInit(): void {
    this.prefix = process.env.INVOICE_PREFIX ?? 'INV';
  }

  take(): string {
    return `${this.prefix}-${this.next++}`;
  }
}
