import { Injectable } from '@nestjs/common';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersService {
  create(body: any) {
    const target = {};
    Object.assign(target, body);
    return new UserEntity(body);
  }
}
