import { Injectable } from '@nestjs/common';
import { PrismaService } from '../db/prisma.service';

@Injectable()
export class LedgerService {
  constructor(private readonly prisma: PrismaService) {}

  transfer(from: string, to: string, amount: number) {
    return this.prisma.$transaction(async (tx) => {
      await tx.account.update({ where: { id: from }, data: { balance: { decrement: amount } } });
      tx.account.update({ where: { id: to }, data: { balance: { increment: amount } } }); // want "error: `tx\\.account\\.update\\(\\)` in `this\\.prisma\\.\\$transaction\\(\\)` is not awaited, so it runs after the transaction commits; await it"
      [from, to].forEach(async (id) => { // want "error: `forEach` does not wait for this async callback in `this\\.prisma\\.\\$transaction\\(\\)`: its queries run after the transaction commits; use `for…of` with `await`"
        await tx.auditEntry.create({ data: { accountId: id, amount } });
      });
    });
  }
}
