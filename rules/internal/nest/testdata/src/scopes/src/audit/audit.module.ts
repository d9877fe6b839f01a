import { Module } from '@nestjs/common';
import { AuditService } from './audit.service';
import { ReportsService } from './reports.service';
import { IdGenerator } from './id.generator';
import { ClockService } from './clock.service';
import { TenantModule } from '../tenant/tenant.module';

@Module({
  imports: [TenantModule],
  providers: [AuditService, ReportsService, IdGenerator, ClockService],
  exports: [ReportsService],
})
export class AuditModule {}
