import { Injectable, OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { OnEvent } from '@nestjs/event-emitter';
import { TenantDbService } from '../tenancy/tenant-db.service';

@Injectable()
export class BillingService implements OnModuleInit {
  private rates: Record<string, number> = {};

  constructor(private readonly db: TenantDbService) {}

  onModuleInit() { // want "error: onModuleInit of BillingService is never called: .* \\(BillingService -> TenantDbService -> TenantContext \\(injects REQUEST\\)\\)"
    this.rates = { eur: 1 };
  }

  @Cron('0 3 * * *')
  closeInvoices() { // want "error: @Cron job BillingService.closeInvoices never runs: BillingService is request-scoped"
    return this.db.schema();
  }

  @OnEvent('order.paid')
  onPaid() { // want "warning: @OnEvent listener BillingService.onPaid is in request-scoped BillingService"
    return this.rates;
  }

  invoice(id: string) {
    return { id, schema: this.db.schema() };
  }
}
