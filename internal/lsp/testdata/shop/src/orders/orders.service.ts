import { Injectable, OnModuleInit } from '@nestjs/common';
import { readFileSync } from 'fs';

@Injectable()
export class OrdersService implements OnModuleInit {
  private template = '';

  onModuleInit() {
    this.template = this.loadTemplate();
  }

  renderInvoice(id: string): string {
    return this.loadTemplate().replace('{{id}}', id);
  }

  private loadTemplate(): string {
    return readFileSync('templates/invoice.html', 'utf8');
  }
}
