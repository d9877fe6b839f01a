import { Injectable } from '@nestjs/common';
import { TenantRepo } from './tenant.repo';

// request-scoped by bubbling, two levels down: TenantRepo -> TenantContext
@Injectable()
export class DeepService {
  private user: any;

  constructor(private readonly repo: TenantRepo) {}

  remember(user: any) {
    this.user = user;
  }
}
