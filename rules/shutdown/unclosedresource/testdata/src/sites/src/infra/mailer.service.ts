import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { PrismaClient } from '@prisma/client';

@Injectable()
export class MailerService {
  readonly queue = new Queue('mail');
  readonly deadLetters = new Queue('mail-dead'); // want "warning: queue `this\\.deadLetters` is never closed: no shutdown hook of `MailerService` calls `close\\(\\)`, so the process hangs on SIGTERM"
}

@Injectable()
export class PrismaService extends PrismaClient {}

// closes what MailerService and PrismaService hold, through them
@Injectable()
export class ShutdownService implements OnApplicationShutdown {
  constructor(
    private readonly mailer: MailerService,
    private readonly prisma: PrismaService,
  ) {}

  async onApplicationShutdown() {
    await this.mailer.queue.close();
    await this.prisma.$disconnect();
  }
}
