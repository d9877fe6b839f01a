import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';

@Injectable()
export class AuthGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    return checkToken(context.switchToHttp().getRequest().headers.authorization);
  }
}

function checkToken(header?: string): boolean {
  return !!header && header.startsWith('Bearer ');
}
