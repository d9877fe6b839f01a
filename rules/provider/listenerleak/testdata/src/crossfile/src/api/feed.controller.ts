import { Controller, Param, Sse } from '@nestjs/common';
import { NotifyService } from '../notify/notify.service';

@Controller('feed')
export class FeedController {
  constructor(private readonly notify: NotifyService) {}

  @Sse(':user')
  follow(@Param('user') user: string) {
    this.notify.follow(user, (m) => m);
  }
}
