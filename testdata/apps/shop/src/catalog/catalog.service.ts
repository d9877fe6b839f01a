import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ILike, Repository } from 'typeorm';
import { Product } from './entities/product.entity';

@Injectable()
export class CatalogService {
  private cache = new Map<string, Product>();

  constructor(@InjectRepository(Product) private readonly products: Repository<Product>) {}

  async findBySku(sku: string): Promise<Product> {
    const cached = this.cache.get(sku);
    if (cached) {
      return cached;
    }
    const product = await this.products.findOneBy({ sku });
    if (!product) {
      throw new NotFoundException(`unknown sku ${sku}`);
    }
    this.cache.set(sku, product);
    return product;
  }

  search(title: string, limit: number): Promise<Product[]> {
    return this.products.find({
      where: { name: ILike(`%${title}%`) },
      order: { name: 'ASC' },
      take: limit,
    });
  }

  async updatePrice(sku: string, priceCents: number): Promise<void> {
    const result = await this.products.update({ sku }, { priceCents });
    if (result.affected === 0) {
      throw new NotFoundException(`unknown sku ${sku}`);
    }
  }
}
