import { Injectable } from '@nestjs/common';
import { bus } from './bus';

@Injectable()
export class NotifyService {
  follow(userId: string, send: (m: string) => void) {
    bus.on(`user:${userId}`, send); // want "warning: `bus\\.on\\(\\)` listener is added per request and never removed, so they pile up and leak memory; remove it when the request ends" "via FeedController.follow -> NotifyService.follow"
  }
}
