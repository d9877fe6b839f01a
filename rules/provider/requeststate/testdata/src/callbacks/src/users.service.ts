import { Injectable } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { AsyncLocalStorage } from 'async_hooks';
import { UsersRepository } from './users.repository';

export const requestStore = new AsyncLocalStorage<{ tenant: string }>();

@Injectable()
export class UsersService {
  private lastUser: any;
  private lastTag: string;
  private tenant: string;
  private store: any;

  constructor(
    private readonly repo: UsersRepository,
    private readonly cls: ClsService,
  ) {}

  async touch(id: string, tags: string[]) {
    // the value flows through .then but comes from the request's id
    await this.repo.findOne(id).then((u) => {
      this.lastUser = u; // want "error: `UsersService` is a singleton: concurrent requests overwrite `this\\.lastUser` \\(set from parameter `id`\\); keep it local or use a request-scoped provider"
    });
    tags.forEach((t) => {
      this.lastTag = t; // want "error: `UsersService` is a singleton: concurrent requests overwrite `this\\.lastTag` \\(set from parameter `tags`\\); keep it local or use a request-scoped provider"
    });
    this.tenant = this.cls.get('tenant'); // want "error: `UsersService` is a singleton: concurrent requests overwrite `this\\.tenant` \\(set from `cls\\.get\\(`\\); keep it local or use a request-scoped provider"
    this.store = requestStore.getStore(); // want "error: `UsersService` is a singleton: concurrent requests overwrite `this\\.store` \\(set from `getStore\\(\\)`\\); keep it local or use a request-scoped provider"
    return this.lastUser;
  }
}
