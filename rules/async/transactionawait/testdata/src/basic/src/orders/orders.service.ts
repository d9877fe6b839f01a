import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Order, OrderLine } from './order.entity';

@Injectable()
export class OrdersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async place(dto: { total: number; skus: string[] }) {
    return this.dataSource.transaction(async (manager) => {
      const order = await manager.save(Order, { total: dto.total });
      const lines = manager.getRepository(OrderLine);
      dto.skus.forEach((sku) => lines.insert({ orderId: order.id, sku })); // want "error: `lines\\.insert\\(\\)` in `this\\.dataSource\\.transaction\\(\\)` is not awaited, so it runs after the transaction commits; await it"
      manager.update(Order, order.id, { total: dto.total }); // want "error: `manager\\.update\\(\\)` in `this\\.dataSource\\.transaction\\(\\)` is not awaited, so it runs after the transaction commits; await it"
      return order;
    });
  }

  async archive(ids: string[]) {
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    try {
      qr.manager.delete(Order, ids); // want "warning: `qr\\.manager\\.delete\\(\\)` in `qr\\.startTransaction\\(\\) … commitTransaction\\(\\)` is not awaited, so it runs after the transaction commits; await it"
      await qr.commitTransaction();
    } catch (err) {
      await qr.rollbackTransaction();
      throw err;
    } finally {
      await qr.release();
    }
  }
}
