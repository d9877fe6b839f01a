import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { HeaderAPIKeyStrategy } from 'passport-headerapikey';
import { TENANT_CONTEXT } from './tokens';

@Injectable()
export class ApiKeyStrategy extends PassportStrategy(HeaderAPIKeyStrategy, 'api-key') { // want "error: Passport strategy `ApiKeyStrategy` is request-scoped \\(through `TenantContext`\\), but strategies are registered once at startup; resolve it in `validate\\(\\)`"
  constructor(@Inject(TENANT_CONTEXT) private readonly tenant: unknown) {
    super({ header: 'x-api-key' }, false);
  }
}
