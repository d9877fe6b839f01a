import { Module } from '@nestjs/common';
import { SCOPED, USE_CASES } from './use-cases';
import { OrdersController } from './orders.controller';

const CONTROLLERS = [OrdersController];

@Module({
  controllers: CONTROLLERS,
  providers: [...USE_CASES, ...SCOPED],
  exports: [...USE_CASES],
})
export class OrdersModule {}
