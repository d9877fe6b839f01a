import { Injectable } from '@nestjs/common';
import { readFileSync } from 'fs';
import { join } from 'path';

@Injectable()
export class RateCardService {
  priceFor(sku: string): number {
    const card = JSON.parse(readFileSync(join(process.cwd(), 'config', 'rate-card.json'), 'utf8')) as Record<string, number>;
    return card[sku] ?? 0;
  }
}
