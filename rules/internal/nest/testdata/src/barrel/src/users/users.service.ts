import { Injectable } from '@nestjs/common';

@Injectable()
export class UsersService {
  count() {
    return 42;
  }
}
