import { Injectable } from '@nestjs/common';

// a mixin: the class expression's fields live in every service extending it
export function CachedRepository<T>(table: string) {
  return class {
    protected readonly table = table;
    protected cache = new Map<string, T>(); // want "class in CachedRepository.cache is a Map in a singleton that grows per request \\(set in class in CachedRepository.remember\\)"

    protected remember(id: string, row: T) {
      this.cache.set(id, row);
      return row;
    }
  };
}

export interface User {
  id: string;
}

@Injectable()
export class UsersRepository extends CachedRepository<User>('users') {
  async find(id: string): Promise<User> {
    return this.remember(id, { id });
  }
}
