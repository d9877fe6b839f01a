import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { Queue } from 'bullmq';

@Injectable()
export class OrdersService {
  private readonly orders = new Map<string, { id: string; sku: string }>();

  constructor(@InjectQueue('emails') private readonly emails: Queue) {}

  async create(dto: { sku: string }) {
    const order = { id: String(this.orders.size + 1), sku: dto.sku };
    this.orders.set(order.id, order);
    this.emails.add('order-confirmation', { id: order.id }); // want "error: the promise of `queue\\.add` is not awaited on the request path; if it rejects, the process crashes"
    ['restock-check', 'analytics'].forEach((name) => this.emails.add(name, { id: order.id })); // want "error: the promise of `queue\\.add` is returned to `forEach`, which ignores it, on the request path; if it rejects, the process crashes"
    return order;
  }

  async remove(id: string) {
    if (!this.orders.has(id)) {
      throw new NotFoundException(id);
    }
    this.orders.delete(id);
  }
}
