import { Controller, Get, Param } from '@nestjs/common';
import { UsersRepository } from './cached.repository';

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersRepository) {}

  @Get(':id')
  find(@Param('id') id: string) {
    return this.users.find(id);
  }
}
