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
      sync: { alter: true }, // want "error: sync: \\{ alter: true \\} is on in the production configuration"
    }),
  ],
})
export class LegacyModule implements OnModuleInit {
  constructor(private readonly sequelize: Sequelize, private readonly orm: MikroORM) {}

  async onModuleInit() {
    await this.sequelize.sync({ force: true }); // want "error: sequelize.sync\\(\\{ force: true \\}\\) runs in production"
    await this.orm.getSchemaGenerator().updateSchema(); // want "error: MikroORM schema generator updateSchema\\(\\) runs in production"
  }
}
