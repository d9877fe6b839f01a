import { Injectable } from '@nestjs/common';

@Injectable()
export class UsersRepository {
  async findOne(id: string) {
    return { id };
  }
}
