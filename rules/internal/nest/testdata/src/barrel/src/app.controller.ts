import { Controller, Get, Post } from '@nestjs/common';
import { UsersService, UsersRepository } from './users';

@Controller()
export class AppController {
  constructor(
    private readonly users: UsersService,
    private readonly repo: UsersRepository,
  ) {}

  @Get('count')
  count() {
    return this.users.count();
  }

  @Post()
  create() {
    return this.repo.save('ada');
  }
}
