import { forwardRef, Inject, Injectable } from '@nestjs/common';
import { OrdersService } from './orders.service';

@Injectable()
export class UsersService {
  constructor(@Inject(forwardRef(() => OrdersService)) private readonly orders: OrdersService) {}

  owner(id: string) {
    return { id };
  }
}
