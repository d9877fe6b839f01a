import { Module } from '@nestjs/common';
import { OrdersController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';
import { PrismaService } from './db/prisma.service';
import { LedgerService } from './orders/ledger.service';
import { RefundsService } from './orders/refunds.service';

@Module({ controllers: [OrdersController], providers: [OrdersService, PrismaService, LedgerService, RefundsService] })
export class AppModule {}
