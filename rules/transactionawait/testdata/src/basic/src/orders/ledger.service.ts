import { Injectable } from '@nestjs/common';
import { PrismaService } from '../db/prisma.service';

@Injectable()
export class LedgerService {
  constructor(private readonly prisma: PrismaService) {}

  transfer(from: string, to: string, amount: number) {
    return this.prisma.$transaction(async (tx) => {
      await tx.account.update({ where: { id: from }, data: { balance: { decrement: amount } } });
      tx.account.update({ where: { id: to }, data: { balance: { increment: amount } } }); // want "error: tx.account.update\\(\\) inside this.prisma.\\$transaction\\(\\) is not awaited"
      [from, to].forEach(async (id) => { // want "error: async callback passed to forEach\\(\\) inside this.prisma.\\$transaction\\(\\)"
        await tx.auditEntry.create({ data: { accountId: id, amount } });
      });
    });
  }
}
