import { ConflictException, Injectable } from '@nestjs/common';
import { Account, RegisterAccountCommand } from './account';
import { AccountRepository } from './account.repository';
import { PasswordHasher } from '../security/password-hasher';

@Injectable()
export class RegisterAccountUseCase {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(command: RegisterAccountCommand): Promise<Account> {
    if (!command.email.includes('@')) {
      throw new ConflictException('invalid email');
    }
    const passwordHash = this.hasher.hash(command.password);
    return this.accounts.insert({ email: command.email.toLowerCase(), handle: command.handle, passwordHash });
  }
}
