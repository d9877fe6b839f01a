import { Controller, Get, Headers, Post } from '@nestjs/common';

let activeTenant = ''; // want "warning: module-level `let activeTenant` changes per request \\(`=`\\): it leaks between requests and differs per worker; use a request-scoped provider" "via OrdersController.list"
let requests = 0; // want "warning: module-level `let requests` changes per request \\(`\\+\\+`\\): it leaks between requests and differs per worker; use a request-scoped provider"
const flags = { maintenance: false }; // want "warning: module-level object `flags` changes per request \\(`\\.maintenance =`\\): it leaks between requests and differs per worker; use a request-scoped provider"

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
