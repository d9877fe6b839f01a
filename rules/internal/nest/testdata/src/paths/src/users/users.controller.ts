import { Controller, Get } from '@nestjs/common';
import { formatUser } from '@app/common/format';

@Controller('users')
export class UsersController {
  @Get()
  list() {
    return [{ id: '1' }].map((u) => formatUser(u));
  }
}
