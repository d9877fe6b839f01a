import { Inject, Injectable } from '@nestjs/common';
import { pbkdf2Sync, randomBytes } from 'crypto';
import { CORE_OPTIONS, CoreOptions } from '../core.options';

@Injectable()
export class PasswordHasher {
  constructor(@Inject(CORE_OPTIONS) private readonly options: CoreOptions) {}

  hash(password: string): string {
    const salt = randomBytes(16);
    const key = pbkdf2Sync(password + this.options.pepper, salt, 310_000, 32, 'sha256');
    return `${salt.toString('hex')}:${key.toString('hex')}`;
  }
}
