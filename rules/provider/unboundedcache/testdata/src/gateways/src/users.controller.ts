import { Controller, Get, Inject, Param } from '@nestjs/common';
import { AUDIT, Audit } from './audit.store';
import { UsersRepository } from './cached.repository';

@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersRepository,
    @Inject(AUDIT) private readonly audit: Audit,
  ) {}

  @Get(':id')
  find(@Param('id') id: string) {
    this.audit.add(`find ${id}`);
    return this.users.find(id);
  }
}
