import { Injectable } from '@nestjs/common';
import { Pool } from 'pg';

@Injectable()
export class DbService {
  private readonly pool: Pool;

  constructor() {
    this.pool = new Pool({ connectionString: process.env.DATABASE_URL }); // want "warning: database pool `this\\.pool` opened in `DbService\\.constructor` is never closed: no shutdown hook of `DbService` calls `end\\(\\)`, so the process hangs on SIGTERM"
  }

  // a close method no shutdown hook calls does not count
  async close() {
    await this.pool.end();
  }
}
