import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';

@Injectable()
export class AuthGuard implements CanActivate {
  private request: any;

  canActivate(context: ExecutionContext): boolean {
    this.request = context.switchToHttp().getRequest(); // want "AuthGuard is a singleton: concurrent requests overwrite request .set from switchToHttp...getRequest."
    return !!this.request.user;
  }
}
