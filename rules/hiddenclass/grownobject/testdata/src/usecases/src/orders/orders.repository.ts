import { Injectable } from '@nestjs/common';
import { OrderEntity } from './order.entity';

@Injectable()
export class OrdersRepository {
  private readonly rows = new Map<string, OrderEntity>();

  async save(id: string, patch: Partial<OrderEntity>) {
    const current = this.rows.get(id) ?? new OrderEntity();
    const copy = { ...current, ...patch }; // want "warning: deleting `raw` from spread copy `copy` makes it a slow dictionary on the request path; use `const \\{ raw, \\.\\.\\.copy \\} = current`"
    delete copy.raw;
    this.rows.set(id, copy as OrderEntity);
    return copy;
  }

  // A copy that is reassigned without the key keeps one shape.
  async snapshot(id: string) {
    const current = this.rows.get(id) ?? new OrderEntity();
    const { raw, ...rest } = current;
    const view = { ...rest, rawSize: raw?.length ?? 0 };
    return view;
  }
}
