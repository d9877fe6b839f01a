import { Injectable } from '@nestjs/common';
import { TenantContext } from './tenant.context';

@Injectable()
export class TenantRepo {
  constructor(private readonly ctx: TenantContext) {}
}
