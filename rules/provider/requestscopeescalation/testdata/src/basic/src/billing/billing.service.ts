import { Injectable, OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { OnEvent } from '@nestjs/event-emitter';
import { TenantDbService } from '../tenancy/tenant-db.service';

@Injectable()
export class BillingService implements OnModuleInit {
  private rates: Record<string, number> = {};

  constructor(private readonly db: TenantDbService) {}

  onModuleInit() { // want "error: `onModuleInit` never runs: Nest calls no lifecycle hooks on request-scoped providers, and `BillingService` is one \\(through `TenantContext`\\)"
    this.rates = { eur: 1 };
  }

  @Cron('0 3 * * *')
  closeInvoices() { // want "error: `@Cron` job never runs: `BillingService` is request-scoped \\(through `TenantContext`\\) and only singletons get scheduled jobs; move the job to a singleton"
    return this.db.schema();
  }

  @OnEvent('order.paid')
  onPaid() { // want "warning: `@OnEvent` listener of request-scoped `BillingService` \\(through `TenantContext`\\) gets the event payload as `REQUEST`, not request data"
    return this.rates;
  }

  invoice(id: string) {
    return { id, schema: this.db.schema() };
  }
}
