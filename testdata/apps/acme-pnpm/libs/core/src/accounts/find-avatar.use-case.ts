import { Injectable, NotFoundException } from '@nestjs/common';
import { AccountRepository } from './account.repository';
import { AvatarClient } from './avatar.client';

@Injectable()
export class FindAvatarUseCase {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly avatars: AvatarClient,
  ) {}

  async execute(id: string): Promise<string | undefined> {
    const account = await this.accounts.findById(id);
    if (!account) {
      throw new NotFoundException();
    }
    return this.avatars.profileUrl(account.email);
  }
}
