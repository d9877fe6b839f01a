import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';

@Injectable()
export class AuthGuard implements CanActivate {
  private request: any;

  canActivate(context: ExecutionContext): boolean {
    this.request = context.switchToHttp().getRequest(); // want "error: `AuthGuard` is a singleton: concurrent requests overwrite `this\\.request` \\(set from `switchToHttp\\(\\)\\.getRequest`\\); keep it local or use a request-scoped provider"
    return !!this.request.user;
  }
}
