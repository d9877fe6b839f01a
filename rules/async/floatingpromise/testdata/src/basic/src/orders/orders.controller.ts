import { Body, Controller, Delete, Post } from '@nestjs/common';
import { OrdersService } from './orders.service';
import { AuditService } from '../audit/audit.service';
import { UsersService } from '../users/users.service';

@Controller('orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly audit: AuditService,
    private readonly users: UsersService,
  ) {}

  @Post()
  async create(@Body() dto: { sku: string; userId: string }) {
    const order = await this.orders.create(dto);
    this.audit.record('order.created', order.id); // want "error: the promise of `AuditService\\.record` is not awaited on the request path; if it rejects, the process crashes"
    void this.users.touch(dto.userId); // want "error: the promise of `UsersService\\.touch` is discarded with void on the request path; if it rejects, the process crashes"
    return order;
  }

  @Delete()
  async purge(@Body() ids: string[]) {
    ids.forEach(async (id) => { // want "error: `forEach` drops the promises of this async callback on the request path, so a rejection crashes the process; use `for…of` with `await`"
      await this.orders.remove(id);
    });
    return { queued: ids.length };
  }
}
