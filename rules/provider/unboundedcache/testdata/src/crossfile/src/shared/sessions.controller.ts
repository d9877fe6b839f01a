import { Controller, Param, Post } from '@nestjs/common';
import { sessions, audit } from './store';

@Controller('sessions')
export class SessionsController {
  @Post(':id')
  open(@Param('id') id: string) {
    sessions.set(id, { user: id });
    audit.set(id, Date.now());
    return id;
  }
}
