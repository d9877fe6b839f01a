import { Injectable } from '@nestjs/common';
import { OrderEntity } from './order.entity';
import { OrdersRepository } from './orders.repository';

export interface UpdateOrderInput {
  status?: string;
  note?: string;
  lines?: { sku: string; qty: number }[];
}

@Injectable()
export class UpdateOrderUseCase {
  constructor(private readonly orders: OrdersRepository) {}

  async execute(id: string, input: UpdateOrderInput) {
    const patch: Partial<OrderEntity> = {}; // want "warning: literal `patch` later gets `status`, `note` and `total`, each a new hidden class on the request path; put every property in the literal"
    if (input.status) patch.status = input.status;
    if (input.note !== undefined) patch.note = input.note;
    input.lines?.forEach((l) => {
      patch.total = (patch.total ?? 0) + l.qty;
    });
    const audit = { id, at: Date.now() } as Record<string, unknown>;
    audit.by = 'system';
    return this.orders.save(id, patch);
  }
}
