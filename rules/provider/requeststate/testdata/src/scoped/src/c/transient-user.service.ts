import { Injectable } from '@nestjs/common';
import { Clock } from './clock';

// a transient dependency does not make its consumer request-scoped
@Injectable()
export class TransientUserService {
  private user: any;

  constructor(private readonly clock: Clock) {}

  remember(user: any) {
    this.user = user; // want "error: `TransientUserService` is a singleton: concurrent requests overwrite `this\\.user` \\(set from parameter `user`\\); keep it local or use a request-scoped provider" "via AController.get -> TransientUserService.remember"
  }
}
