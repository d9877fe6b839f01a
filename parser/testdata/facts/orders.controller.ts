import { Body, Controller, Get, Inject, Injectable, Param, Post, UseGuards, forwardRef } from '@nestjs/common';
import type { Request } from 'express';
import { readFileSync } from 'node:fs';
import { AuthGuard } from '../auth/auth.guard';
import { PaymentsService } from '../payments/payments.service';
export type * from './orders.types';

export const ORDERS_CONFIG = { retries: 3, backoffMs: 250 } satisfies Record<string, number>;

interface OrderRow {
  id: string
  in: 'web' | 'store'
  abstract?: boolean
}

@Injectable()
export class OrdersRepository {
  private static accessor instances = 0;
  accessor lastId = '';
  private readonly rows = new Map<string, OrderRow>();

  find(id: string): OrderRow | undefined {
    return this.rows.get(id);
  }

  async export(pool: { connect(): Promise<AsyncDisposable> }): Promise<number> {
    await using conn = await pool.connect();
    let n = 0;
    for (let i = 0; i < this.rows.size; i++) {
      n++;
    }
    return n;
  }
}

@Controller('orders')
@UseGuards(AuthGuard)
export class OrdersController {
  constructor(
    private readonly repo: OrdersRepository,
    @Inject(forwardRef(() => PaymentsService)) private readonly payments: PaymentsService,
  ) {}

  @Get(':id')
  find(@Param('id') id: string) {
    const template = readFileSync('./templates/order.html', 'utf8');
    return { order: this.repo.find(id), template };
  }

  @Post()
  async create(@Body() body: { id: string }, req: Request) {
    const started = Date.now();
    while (Date.now() - started < ORDERS_CONFIG.backoffMs) {}
    delete (req as any).user;
    return this.payments.charge(body.id, /^[a-z]+$/i);
  }
}
