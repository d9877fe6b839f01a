import { NestFactory } from '@nestjs/core';
import { getRepositoryToken } from '@nestjs/typeorm';
import { readFileSync } from 'fs';
import { join } from 'path';
import { Repository } from 'typeorm';
import { AppModule } from '../src/app.module';
import { Product } from '../src/catalog/entities/product.entity';

interface SeedProduct {
  sku: string;
  name: string;
  priceCents: number;
  stock: number;
}

async function seed(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  const file = process.argv[2] ?? join(__dirname, 'fixtures', 'products.json');
  const products: SeedProduct[] = JSON.parse(readFileSync(file, 'utf8'));
  const repo = app.get<Repository<Product>>(getRepositoryToken(Product));
  let created = 0;
  for (const product of products) {
    if (await repo.existsBy({ sku: product.sku })) {
      continue;
    }
    await repo.save(repo.create(product));
    created++;
  }
  console.log(`seeded ${created} of ${products.length} products`);
  await app.close();
}

seed()
  .then(() => process.exit(0))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
