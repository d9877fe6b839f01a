import { Module } from '@nestjs/common';
import { TenantContext } from './tenancy/tenant.context';
import { TenantDbService } from './tenancy/tenant-db.service';
import { BillingService } from './billing/billing.service';
import { BillingController } from './billing/billing.controller';
import { ChatGateway } from './chat/chat.gateway';
import { ApiKeyStrategy } from './auth/api-key.strategy';
import { TENANT_CONTEXT } from './auth/tokens';
import { BillingJobs } from './billing/billing.jobs';

@Module({
  controllers: [BillingController],
  providers: [
    TenantContext,
    TenantDbService,
    BillingService,
    ChatGateway,
    ApiKeyStrategy,
    BillingJobs,
    { provide: TENANT_CONTEXT, useClass: TenantContext },
  ],
})
export class AppModule {}
