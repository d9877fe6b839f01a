import { Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { BillingService } from './billing.service';

@Controller('billing')
export class BillingController { // want "note: controller BillingController serves 3 routes and is request-scoped only by bubbling \\(BillingController -> BillingService -> TenantDbService -> TenantContext"
  constructor(private readonly billing: BillingService) {}

  @Get(':id')
  get(@Param('id') id: string) {
    return this.billing.invoice(id);
  }

  @Post(':id/pay')
  pay(@Param('id') id: string) {
    return this.billing.invoice(id);
  }

  @Delete(':id')
  void(@Param('id') id: string) {
    return this.billing.invoice(id);
  }
}
