import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectEntityManager } from '@nestjs/typeorm';
import { EntityManager } from 'typeorm';
import { Knex } from 'knex';
import { Inject } from '@nestjs/common';

export class Product {
  id!: string;
  name!: string;
}

export const KNEX = 'KNEX';

@Injectable()
export class CatalogService implements OnModuleInit {
  constructor(
    @InjectEntityManager() private readonly em: EntityManager,
    @Inject(KNEX) private readonly knex: Knex,
  ) {}

  async onModuleInit() {
    await this.rename('1', 'x');
  }

  async rename(id: string, name: string) {
    await this.em.transaction(async (manager) => {
      const p = manager.create(Product, { id, name }); // synchronous
      manager.merge(Product, p, { name }); // synchronous
      await manager.save(p);
      const pending = manager.update(Product, id, { name });
      await pending;
      await Promise.all([manager.save(p), manager.save(p)]);
      return manager.findOneBy(Product, { id });
    });
  }

  bulk(rows: Product[]) {
    return this.knex.transaction(async (trx) => {
      await trx('products').insert(rows);
      return trx('products').count();
    });
  }

  shadow(rows: Product[]) {
    return this.em.transaction(async (manager) => {
      const run = (manager: { log: (s: string) => void }) => manager.log('x');
      run({ log: () => undefined });
      await manager.save(rows);
    });
  }
}

// a seed script is offline
