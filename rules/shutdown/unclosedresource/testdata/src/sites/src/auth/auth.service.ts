import { Injectable } from '@nestjs/common';
import * as ldap from 'ldapjs';
import Redis from 'ioredis';

@Injectable()
export class AuthService {
  async login(user: string, password: string) {
    const client = ldap.createClient({ url: process.env.LDAP_URL }); // want "error: LDAP client `client` is created per request and never closed, so each request leaks one; call `unbind\\(\\)` or `destroy\\(\\)` in `finally` or share one client"
    const sessions = new Redis(process.env.REDIS_URL); // want "error: Redis connection `sessions` is created per request and never closed, so each request leaks one; call `quit\\(\\)` or `disconnect\\(\\)` in `finally` or share one client"
    await new Promise((resolve, reject) => client.bind(`uid=${user}`, password, (err) => (err ? reject(err) : resolve(null))));
    await sessions.set(`session:${user}`, '1');
    return true;
  }

  async verify(user: string, password: string) {
    const client = ldap.createClient({ url: process.env.LDAP_URL });
    try {
      await new Promise((resolve, reject) => client.bind(`uid=${user}`, password, (err) => (err ? reject(err) : resolve(null))));
      return true;
    } finally {
      client.unbind();
    }
  }
}
