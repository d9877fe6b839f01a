import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Interval } from '@nestjs/schedule';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Product } from '../catalog/entities/product.entity';

const MAX_CONSECUTIVE_FAILURES = 5;

interface FeedItem {
  sku: string;
  stock: number;
}

@Injectable()
export class SupplierFeedService {
  private readonly logger = new Logger(SupplierFeedService.name);
  private failures = 0;

  constructor(
    private readonly config: ConfigService,
    @InjectRepository(Product) private readonly products: Repository<Product>,
  ) {}

  @Interval('supplier-feed', 5 * 60 * 1000)
  async syncStock(): Promise<void> {
    const url = this.config.get<string>('app.feedUrl');
    if (!url) {
      return;
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) {
        throw new Error(`feed answered ${res.status}`);
      }
      const items = (await res.json()) as FeedItem[];
      for (const item of items) {
        await this.products.update({ sku: item.sku }, { stock: item.stock });
      }
      this.failures = 0;
    } catch (err) {
      this.failures++;
      this.logger.warn(`supplier feed failed (${this.failures}x): ${(err as Error).message}`);
      if (this.failures >= MAX_CONSECUTIVE_FAILURES) {
        this.logger.error('supplier feed is down, exiting so the orchestrator restarts us');
        process.exit(1);
      }
    }
  }
}
