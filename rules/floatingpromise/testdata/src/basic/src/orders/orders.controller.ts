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
    this.audit.record('order.created', order.id); // want "error: the promise of AuditService.record is not awaited in OrdersController.create \\(entry point, @Post\\(\\)\\); it can reject \\(TypeORM Repository.save\\)"
    void this.users.touch(dto.userId); // want "error: the promise of UsersService.touch is discarded with void in OrdersController.create" "Prisma user.update"
    return order;
  }

  @Delete()
  async purge(@Body() ids: string[]) {
    ids.forEach(async (id) => { // want "error: async callback passed to forEach\\(\\) in OrdersController.purge \\(entry point, @Delete\\(\\)\\): forEach drops its promises, so a rejection \\(throw in OrdersService.remove\\)"
      await this.orders.remove(id);
    });
    return { queued: ids.length };
  }
}
