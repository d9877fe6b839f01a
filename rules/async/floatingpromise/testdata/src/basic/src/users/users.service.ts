import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';

@Injectable()
export class UsersService {
  constructor(private readonly prisma: PrismaService) {}

  touch(id: string) {
    return this.prisma.user.update({ where: { id }, data: { lastSeenAt: new Date() } });
  }
}
