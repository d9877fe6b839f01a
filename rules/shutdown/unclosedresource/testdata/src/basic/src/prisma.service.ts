import { Injectable, OnModuleInit } from '@nestjs/common';
import { PrismaClient } from '@prisma/client';

@Injectable()
export class PrismaService extends PrismaClient implements OnModuleInit { // want "warning: `PrismaClient` is never closed: no shutdown hook of `PrismaService` calls `\\$disconnect\\(\\)`, so the process hangs on SIGTERM"
  async onModuleInit() {
    await this.$connect();
  }
}
