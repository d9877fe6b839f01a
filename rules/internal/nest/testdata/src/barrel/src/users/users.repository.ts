import { Injectable } from '@nestjs/common';

@Injectable()
export class UsersRepository {
  save(name: string) {
    return { name };
  }
}
