import { Controller, Get, Req } from '@nestjs/common';
import { SessionService } from '../common/session.service';

@Controller('users')
export class UsersController {
  constructor(private readonly session: SessionService) {}

  @Get('profile')
  profile(@Req() req: any) {
    return this.session.remember(req.user);
  }
}
