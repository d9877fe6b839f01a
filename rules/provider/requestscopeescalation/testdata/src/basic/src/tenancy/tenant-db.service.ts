import { Injectable } from '@nestjs/common';
import { TenantContext } from './tenant.context';

@Injectable()
export class TenantDbService {
  constructor(private readonly tenant: TenantContext) {}

  schema() {
    return `tenant_${this.tenant.tenantId}`;
  }
}
