import { Module } from '@nestjs/common';
import { CommonModule } from '@app/common';
import { InvoicesController } from './invoices.controller';
import { InvoiceNumbers } from './invoice-numbers.service';

@Module({
  imports: [CommonModule],
  controllers: [InvoicesController],
  providers: [InvoiceNumbers],
})
export class BillingModule {}
