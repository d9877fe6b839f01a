import { Injectable, OnModuleInit } from '@nestjs/common';
import { Job, Worker } from 'bullmq';

@Injectable()
export class InvoiceWorker implements OnModuleInit {
  private worker?: Worker;

  onModuleInit() {
    this.worker = new Worker('invoices', async (job: Job) => this.handle(job), { connection: { host: 'redis' } });
  }

  private async handle(job: Job<{ orderId: string; total: number; vat?: number }>) {
    const line: any = { orderId: job.data.orderId }; // want "warning: object line is created as a literal in InvoiceWorker\\.handle and then given new properties total, vat, each one a new hidden class on the request path; create it as one literal with all properties \\(undefined for values not known yet\\)"
    line.total = job.data.total;
    if (job.data.vat) line.vat = job.data.vat;
    return line;
  }
}
