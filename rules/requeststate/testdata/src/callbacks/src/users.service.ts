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
      this.lastUser = u; // want "overwrite lastUser .set from parameter id of UsersService.touch"
    });
    tags.forEach((t) => {
      this.lastTag = t; // want "overwrite lastTag .set from parameter tags of UsersService.touch"
    });
    this.tenant = this.cls.get('tenant'); // want "overwrite tenant .set from cls.get."
    this.store = requestStore.getStore(); // want "overwrite store .set from getStore.."
    return this.lastUser;
  }
}
