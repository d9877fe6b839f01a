import { Injectable, Scope } from '@nestjs/common';

@Injectable()
export class CreateOrder {
  execute(): string {
    return 'created';
  }
}

@Injectable()
export class CancelOrder {
  execute(): string {
    return 'cancelled';
  }
}

export class TenantLookup {
  tenant = 'acme';
}

export const USE_CASES = [CreateOrder, CancelOrder];

export const SCOPED = [{ provide: TenantLookup, useClass: TenantLookup, scope: Scope.REQUEST }];
