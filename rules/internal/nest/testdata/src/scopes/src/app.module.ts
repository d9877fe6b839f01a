import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { TenantModule } from './tenant/tenant.module';
import { ReportsController } from './reports.controller';

@Module({
  imports: [TenantModule, AuditModule],
  controllers: [ReportsController],
})
export class AppModule {}
