import { Module, OnModuleInit } from '@nestjs/common';
import { SequelizeModule } from '@nestjs/sequelize';
import { Sequelize } from 'sequelize-typescript';
import { MikroORM } from '@mikro-orm/core';

@Module({
  imports: [
    SequelizeModule.forRoot({
      dialect: 'mysql',
      autoLoadModels: true,
      synchronize: true,
      sync: { alter: true }, // want "error: `sync: \\{ alter: true \\}` in production: Sequelize alters tables and drops columns it no longer sees on every boot, with their data; use migrations"
    }),
  ],
})
export class LegacyModule implements OnModuleInit {
  constructor(private readonly sequelize: Sequelize, private readonly orm: MikroORM) {}

  async onModuleInit() {
    await this.sequelize.sync({ force: true }); // want "error: `sequelize\\.sync\\(\\{ force: true \\}\\)` runs in production: Sequelize drops and recreates every table on every boot, with their data; use migrations"
    await this.orm.getSchemaGenerator().updateSchema(); // want "error: MikroORM's `updateSchema\\(\\)` runs in production: it alters or drops tables to match the entities, with their data; use migrations"
  }
}
