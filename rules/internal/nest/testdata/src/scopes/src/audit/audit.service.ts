import { Injectable } from '@nestjs/common';
import { TenantContext } from '../tenant/tenant.context';

@Injectable()
export class AuditService {
  constructor(private readonly tenant: TenantContext) {}

  record(event: string) {
    return `${this.tenant.tenantId}:${event}`;
  }
}
