import { Controller, Get } from '@nestjs/common';
import { toDto } from './mapper';

@Controller('users')
export class UsersController {
  @Get('me')
  me() {
    return toDto({ id: '1', name: 'a' });
  }
}
