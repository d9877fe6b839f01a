import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type { Account } from './account';

@Injectable()
export class AccountRepository {
  private readonly byId = new Map<string, Account>();

  async insert(data: Omit<Account, 'id' | 'createdAt'>): Promise<Account> {
    const account: Account = { id: randomUUID(), createdAt: new Date(), ...data };
    this.byId.set(account.id, account);
    return account;
  }

  async findById(id: string): Promise<Account | undefined> {
    return this.byId.get(id);
  }

  async remove(id: string): Promise<void> {
    this.byId.delete(id);
  }
}
