import { Injectable } from '@nestjs/common';
import { UsersRepository } from './users.repository';

@Injectable()
export class UsersService {
  constructor(private readonly repo: UsersRepository) {}

  async findOne(id: string) {
    const row = await this.repo.loadRow(id);
    return row;
  }
}
