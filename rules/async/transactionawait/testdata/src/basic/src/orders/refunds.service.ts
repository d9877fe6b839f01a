import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/sequelize';
import { Sequelize } from 'sequelize-typescript';

export class Refund {
  static create(_v: object, _o?: object): Promise<Refund> {
    return Promise.resolve(new Refund());
  }
}

@Injectable()
export class RefundsService {
  constructor(private readonly sequelize: Sequelize, @InjectModel(Refund) private readonly refunds: typeof Refund) {}

  refund(orderId: string, amount: number) {
    return this.sequelize.transaction(async (t) => {
      await Refund.create({ orderId, amount }, { transaction: t });
      Refund.create({ orderId, amount: -amount, kind: 'fee' }, { transaction: t }); // want "error: `Refund\\.create\\(\\)` in `this\\.sequelize\\.transaction\\(\\)` is not awaited, so it runs after the transaction commits; await it"
    });
  }
}
