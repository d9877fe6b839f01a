import { Injectable } from '@nestjs/common';
import { JwtModuleOptions, JwtOptionsFactory } from '@nestjs/jwt';
import { readFileSync } from 'fs';

@Injectable()
export class JwtOptionsService implements JwtOptionsFactory {
  createJwtOptions(): JwtModuleOptions {
    return { privateKey: readFileSync('/run/secrets/jwt.key', 'utf8'), signOptions: { algorithm: 'RS256' } };
  }
}
