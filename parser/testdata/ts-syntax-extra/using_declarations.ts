import { Injectable } from '@nestjs/common';

@Injectable()
export class ExportService {
  async run(pool: Pool): Promise<void> {
    using lock = this.acquire();
    await using conn = await pool.connect();
    for (using row of this.rows()) {
      row.flush();
    }
    for (await using tx of pool.transactions()) {
      await tx.commit();
    }
  }
}
