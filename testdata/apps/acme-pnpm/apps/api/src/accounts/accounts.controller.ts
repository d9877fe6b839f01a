import { Body, Controller, Get, Param, Post, UseGuards } from '@nestjs/common';
import { FindAccountUseCase, FindAvatarUseCase, RegisterAccountUseCase } from '@acme/core';
import type { AccountView } from '@acme/core';
import { redact } from '@acme/util';
import { slugify } from '@acme/util/strings';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { RegisterAccountDto } from './register-account.dto';

@Controller('accounts')
@UseGuards(ApiKeyGuard)
export class AccountsController {
  constructor(
    private readonly registerAccount: RegisterAccountUseCase,
    private readonly findAccount: FindAccountUseCase,
    private readonly findAvatar: FindAvatarUseCase,
  ) {}

  @Post()
  async register(@Body() dto: RegisterAccountDto): Promise<AccountView> {
    const account = await this.registerAccount.execute({
      email: dto.email,
      password: dto.password,
      handle: slugify(dto.displayName ?? dto.email),
    });
    return redact(account);
  }

  @Get(':id')
  async findOne(@Param('id') id: string): Promise<AccountView> {
    return this.findAccount.execute(id);
  }

  @Get(':id/avatar')
  async avatar(@Param('id') id: string): Promise<{ url?: string }> {
    return { url: await this.findAvatar.execute(id) };
  }
}
