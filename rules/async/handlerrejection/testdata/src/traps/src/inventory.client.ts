import { Injectable } from '@nestjs/common';
import axios from 'axios';

@Injectable()
export class InventoryClient {
  async pull() {
    const res = await axios.get('https://inventory.internal/stock', { timeout: 2000 });
    return res.data;
  }

  async safely(work: () => Promise<unknown>) {
    try {
      await work();
    } catch {
      // logged elsewhere
    }
  }
}
