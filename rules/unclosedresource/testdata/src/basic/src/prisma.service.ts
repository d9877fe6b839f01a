import { Injectable, OnModuleInit } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit { // want "warning: PrismaClient opened in PrismaService \\(extends PrismaClient\\) is never closed"
  async onModuleInit() {
    await this.$connect();
  }
}
