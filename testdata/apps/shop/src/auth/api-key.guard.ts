import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import * as bcrypt from 'bcrypt';
import { Request } from 'express';

// Machine clients (back office, BI exports) send a static key; only its bcrypt hash is configured.
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly keyHash: string;

  constructor(config: ConfigService) {
    this.keyHash = config.getOrThrow<string>('app.apiKeyHash');
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const apiKey = req.header('x-api-key');
    if (!apiKey || !bcrypt.compareSync(apiKey, this.keyHash)) {
      throw new UnauthorizedException('invalid api key');
    }
    return true;
  }
}
