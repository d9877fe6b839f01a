import {
  Body,
  Controller,
  DefaultValuePipe,
  Get,
  Param,
  ParseIntPipe,
  Put,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { ParseTitlePipe } from '../common/pipes/parse-title.pipe';
import { ParseVersionPipe } from '../common/pipes/parse-version.pipe';
import { CatalogService } from './catalog.service';
import { UpdatePriceDto } from './dto/update-price.dto';
import { PricingService } from './pricing.service';

@Controller('catalog')
export class CatalogController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly pricing: PricingService,
  ) {}

  @Get('search')
  search(
    @Query('q', ParseTitlePipe) q: string,
    @Query('limit', new DefaultValuePipe(20), ParseIntPipe) limit: number,
  ) {
    return this.catalog.search(q, Math.min(limit, 100));
  }

  @Get(':sku')
  async findOne(@Param('sku') sku: string, @Query('clientVersion', ParseVersionPipe) clientVersion: string) {
    const [product, price] = await Promise.all([this.catalog.findBySku(sku), this.pricing.quote(sku)]);
    return { ...product, price, legacyPricing: clientVersion.startsWith('1.') };
  }

  @Put(':sku/price')
  @UseGuards(ApiKeyGuard)
  async updatePrice(@Param('sku') sku: string, @Body() dto: UpdatePriceDto) {
    await this.catalog.updatePrice(sku, dto.priceCents);
    this.pricing.invalidate(sku);
    return { sku, priceCents: dto.priceCents };
  }
}
