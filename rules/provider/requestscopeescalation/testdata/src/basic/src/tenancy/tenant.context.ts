import { Inject, Injectable } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import { Request } from 'express';

@Injectable()
export class TenantContext {
  constructor(@Inject(REQUEST) private readonly req: Request) {}

  get tenantId(): string {
    return String(this.req.headers['x-tenant-id']);
  }
}
