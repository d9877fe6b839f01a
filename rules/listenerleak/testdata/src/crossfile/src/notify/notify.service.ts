import { Injectable } from '@nestjs/common';
import { bus } from './bus';

@Injectable()
export class NotifyService {
  follow(userId: string, send: (m: string) => void) {
    bus.on(`user:${userId}`, send); // want "warning: bus.on.. listener is registered per request in NotifyService.follow and nothing in NotifyService removes it" "via FeedController.follow -> NotifyService.follow"
  }
}
