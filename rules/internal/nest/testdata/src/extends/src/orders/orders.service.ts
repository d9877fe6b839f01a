import { Injectable } from '@nestjs/common';
import { priceOf } from '@app/common/pricing';

@Injectable()
export class OrdersService {
  place(sku: string) {
    return { sku, price: priceOf(sku) };
  }
}
