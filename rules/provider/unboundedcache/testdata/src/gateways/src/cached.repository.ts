import { Injectable } from '@nestjs/common';

// a mixin: the class expression's fields live in every service extending it
export function CachedRepository<T>(table: string) {
  return class {
    protected readonly table = table;
    protected cache = new Map<string, T>(); // want "warning: `CachedRepository`'s class field `cache`, a Map in a singleton, grows per request \\(`set`\\) and is never pruned, so memory only grows; use an LRU or a TTL"

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
