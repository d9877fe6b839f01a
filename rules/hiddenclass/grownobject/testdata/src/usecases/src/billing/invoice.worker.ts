import { Injectable, OnModuleInit } from '@nestjs/common';
import { Job, Worker } from 'bullmq';

@Injectable()
export class InvoiceWorker implements OnModuleInit {
  private worker?: Worker;

  onModuleInit() {
    this.worker = new Worker('invoices', async (job: Job) => this.handle(job), { connection: { host: 'redis' } });
  }

  private async handle(job: Job<{ orderId: string; total: number; vat?: number }>) {
    const line: any = { orderId: job.data.orderId }; // want "warning: literal `line` later gets `total` and `vat`, each a new hidden class in a queue job; put every property in the literal"
    line.total = job.data.total;
    if (job.data.vat) line.vat = job.data.vat;
    return line;
  }
}
