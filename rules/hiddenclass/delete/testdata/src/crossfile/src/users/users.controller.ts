import { Controller, Get, Req } from '@nestjs/common';
import { stripSecrets } from '../common/sanitize';

@Controller('users')
export class UsersController {
  @Get('me')
  me(@Req() req: any) {
    return stripSecrets(req.user);
  }
}
