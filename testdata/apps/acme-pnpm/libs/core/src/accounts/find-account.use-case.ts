import { Injectable, NotFoundException } from '@nestjs/common';
import type { AccountView } from './account';
import { AccountRepository } from './account.repository';

@Injectable()
export class FindAccountUseCase {
  constructor(private readonly accounts: AccountRepository) {}

  async execute(id: string): Promise<AccountView> {
    const account = await this.accounts.findById(id);
    if (!account) {
      throw new NotFoundException();
    }
    const { passwordHash: _hidden, ...view } = account;
    return view;
  }
}
