import { Injectable, NotFoundException } from '@nestjs/common';
import { gzipSync } from 'zlib';

export interface OrderRecord {
  id: string;
  totalCents: number;
  lines: { sku: string; quantity: number }[];
}

@Injectable()
export class OrdersRepository {
  private readonly rows = new Map<string, OrderRecord>([
    ['o-1', { id: 'o-1', totalCents: 4200, lines: [{ sku: 'tee-black-m', quantity: 2 }] }],
  ]);

  async get(id: string): Promise<OrderRecord> {
    const row = this.rows.get(id);
    if (!row) {
      throw new NotFoundException(`order ${id}`);
    }
    return row;
  }

  async exportArchive(id: string): Promise<Buffer> {
    const row = await this.get(id);
    return gzipSync(JSON.stringify(row));
  }
}
