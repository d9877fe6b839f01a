import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import bcrypt from 'bcrypt';
const cp = require('child_process');
const { pbkdf2Sync } = require('node:crypto');
import fs = require('fs');

@Injectable()
export class AuthGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest();
    const ok = bcrypt.compareSync(req.headers.pw, 'hash'); // want "error: `bcrypt\\.compareSync` blocks the event loop on the request path; use `bcrypt\\.compare`"
    cp.execSync('ls'); // want "error: `child_process\\.execSync` blocks the event loop on the request path; use `child_process\\.exec` with `util\\.promisify`"
    pbkdf2Sync('a', 'b', 1, 32, 'sha256'); // want "error: `crypto\\.pbkdf2Sync` blocks the event loop on the request path; use `crypto\\.pbkdf2` with a callback or `util\\.promisify`"
    await fs.readFileSync('x'); // want "error: `fs\\.readFileSync` blocks the event loop on the request path; use `fs\\.promises\\.readFile`"
    return ok;
  }
}
