import { Injectable } from '@nestjs/common';

@Injectable()
export class SessionService {
  private user: any;

  remember(user: any) {
    this.store(user);
    return this.user;
  }

  private store(u: any) {
    this.user = u; // want "error: `SessionService` is a singleton: concurrent requests overwrite `this\\.user` \\(set from parameter `u`\\); keep it local or use a request-scoped provider" "via UsersController.profile -> SessionService.remember -> SessionService.store"
  }
}
