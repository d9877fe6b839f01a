import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class OutboxService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async flush() {
    const rows = await this.db.query('SELECT * FROM outbox WHERE sent = false');
    return rows.length;
  }

  assertOpen(open: boolean) {
    if (!open) {
      throw new Error('outbox closed');
    }
  }
}
