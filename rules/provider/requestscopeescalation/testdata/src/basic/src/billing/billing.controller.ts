import { Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { BillingService } from './billing.service';

@Controller('billing')
export class BillingController { // want "note: controller `BillingController` \\(3 routes\\) is request-scoped only through `TenantContext`, so Nest rebuilds it per request; inject request data where it is used"
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
