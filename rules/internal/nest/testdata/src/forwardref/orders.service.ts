import { forwardRef, Inject, Injectable } from '@nestjs/common';
import { UsersService } from './users.service';

@Injectable()
export class OrdersService {
  constructor(@Inject(forwardRef(() => UsersService)) private readonly users: UsersService) {}

  place(userId: string) {
    return this.users.owner(userId);
  }
}
