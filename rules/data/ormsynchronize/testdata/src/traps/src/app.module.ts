import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MikroORM } from '@mikro-orm/core';
import { isDev, ENV } from './config/env';

const local = process.env.NODE_ENV === 'test'
  ? { type: 'sqlite' as const, database: ':memory:', synchronize: true, dropSchema: true }
  : { type: 'postgres' as const, url: process.env.DATABASE_URL, synchronize: false };

@Module({
  imports: [
    TypeOrmModule.forRoot({
      type: 'postgres',
      url: process.env.DATABASE_URL,
      synchronize: isDev,
      dropSchema: ENV !== 'production' && ENV === 'test',
      migrationsRun: !isDev,
    }),
    TypeOrmModule.forRoot({ type: 'postgres', synchronize: process.env.DB_SYNC === 'true' }),
    TypeOrmModule.forRoot(local),
  ],
})
export class AppModule implements OnModuleInit {
  constructor(private readonly orm: MikroORM, private readonly ds: DataSource) {}

  async onModuleInit() {
    if (process.env.NODE_ENV !== 'production') {
      await this.orm.getSchemaGenerator().updateSchema();
      await this.ds.synchronize();
    }
  }
}

// a local synchronize flag of something that is not an ORM
export const replicaSettings = { synchronize: true, interval: 30 };
