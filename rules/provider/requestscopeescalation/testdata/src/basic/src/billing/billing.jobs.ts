import { Injectable } from '@nestjs/common';
import { ContextIdFactory, ModuleRef } from '@nestjs/core';
import { Interval } from '@nestjs/schedule';
import { BillingService } from './billing.service';
import { TenantContext } from '../tenancy/tenant.context';

// The right shape for a job that needs request-scoped services: a singleton
// that resolves them per run.
@Injectable()
export class BillingJobs {
  constructor(private readonly moduleRef: ModuleRef) {}

  @Interval(60_000)
  async sweep() {
    const billing = await this.moduleRef.resolve(BillingService, ContextIdFactory.create());
    return billing.invoice('sweep');
  }

  tenantNow() {
    return this.moduleRef.get(TenantContext); // want "error: `moduleRef\\.get\\(TenantContext\\)` throws: `TenantContext` is request-scoped \\(injects `REQUEST`\\) and `get\\(\\)` returns only singletons; use `moduleRef\\.resolve\\(\\)`"
  }
}
