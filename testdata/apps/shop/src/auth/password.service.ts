import { Injectable } from '@nestjs/common';
import { pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

const ITERATIONS = 310_000;
const KEY_LENGTH = 32;
const DIGEST = 'sha256';

@Injectable()
export class PasswordService {
  hash(password: string): string {
    const salt = randomBytes(16).toString('hex');
    return `${salt}:${this.derive(password, salt).toString('hex')}`;
  }

  verify(password: string, stored: string): boolean {
    const [salt, expected] = stored.split(':');
    if (!salt || !expected) {
      return false;
    }
    const actual = this.derive(password, salt);
    const wanted = Buffer.from(expected, 'hex');
    return actual.length === wanted.length && timingSafeEqual(actual, wanted);
  }

  private derive(password: string, salt: string): Buffer {
    return pbkdf2Sync(password, salt, ITERATIONS, KEY_LENGTH, DIGEST);
  }
}
