import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { OrdersRepository } from '@acme-nx/data-access';
import type { OrderSummary } from '@acme-nx/shared-types';

@Injectable()
export class OrdersService implements OnApplicationBootstrap {
  private currency: string;

  constructor(private readonly repo: OrdersRepository) {}

  onApplicationBootstrap(): void {
    this.currency = process.env.ORDER_CURRENCY ?? 'EUR';
  }

  async summary(id: string): Promise<OrderSummary> {
    const order = await this.repo.get(id);
    return { id: order.id, totalCents: order.totalCents, currency: this.currency };
  }

  archive(id: string): Promise<Buffer> {
    return this.repo.exportArchive(id);
  }
}
