import { Controller, Get, Headers, Post } from '@nestjs/common';

let activeTenant = ''; // want "warning: module-level let activeTenant is mutated per request .= in OrdersController.list.: it leaks between requests, and each PM2 cluster worker or replica keeps its own copy" "via OrdersController.list"
let requests = 0; // want "module-level let requests is mutated per request .[+][+] in OrdersController.list."
const flags = { maintenance: false }; // want "module-level object flags is mutated per request ..maintenance = in OrdersController.toggle."

@Controller('orders')
export class OrdersController {
  @Get()
  list(@Headers('x-tenant') tenant: string) {
    activeTenant = tenant;
    requests++;
    return { tenant: activeTenant, requests };
  }

  @Post('toggle')
  toggle() {
    flags.maintenance = !flags.maintenance;
    return flags;
  }
}
