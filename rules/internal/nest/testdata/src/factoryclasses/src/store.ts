// an undecorated class declared inside a factory function
export function createStore(name: string) {
  class Store {
    readonly name = name;
    private items: string[] = [];

    add(item: string) {
      this.items.push(item);
    }
  }
  return Store;
}

export const ChatStore = createStore('chat');

// a mixin returning a class expression
export function Cached(table: string) {
  return class {
    protected cache = new Map<string, unknown>();

    remember(id: string, v: unknown) {
      this.cache.set(id, v);
    }
  };
}

export abstract class BaseRepo {
  protected rows: unknown[] = [];
}

export class UsersRepository extends Cached('users') {}

export class OrdersRepository extends BaseRepo {}

export class Unused extends Cached('unused') {}
