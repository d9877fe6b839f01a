import { Injectable } from '@nestjs/common';

@Injectable()
export class UsersRepository {
  private readonly rows = new Map<string, { id: string }>();

  async loadRow(id: string) {
    return this.rows.get(id) ?? null;
  }
}
