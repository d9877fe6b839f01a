import { Body, Controller, Get, Headers, Param, Post, Req } from '@nestjs/common';
import { Request } from 'express';
import { CurrentUser } from './current-user.decorator';

@Controller('orders')
export class OrdersController {
  private lastRequest: Request;
  private tenantId: string;
  private user: any;
  private dto: any;
  private orderId: string;

  @Get()
  list(@Req() req: Request) {
    this.lastRequest = req; // want "error: OrdersController is a singleton: concurrent requests overwrite lastRequest .set from @Req.. req.; keep it local, pass it as an argument, or use a request-scoped provider or nestjs-cls"
    return [];
  }

  @Get('tenant')
  tenant(@Headers() headers: Record<string, string>) {
    const tenant = headers['x-tenant'];
    const normalized = tenant.toLowerCase();
    this.tenantId = normalized; // want "overwrite tenantId .set from @Headers.. headers."
    return this.tenantId;
  }

  @Get('me')
  me(@CurrentUser() user: any) {
    this.user = user; // want "overwrite user .set from @CurrentUser.. user."
    return user;
  }

  @Post()
  create(@Body() body: any) {
    this.dto = { ...body, at: Date.now() }; // want "overwrite dto .set from @Body.. body."
    return this.dto;
  }

  private locale: string;

  @Get('locale')
  setLocale(@Req() req: Request) {
    const { headers } = req;
    this.locale = headers['accept-language'] as string; // want "overwrite locale .set from @Req.. req."
    return this.locale;
  }

  @Get(':id')
  one(@Param('id') id: string) {
    this.orderId = String(id); // want "overwrite orderId .set from @Param.. id."
    return id;
  }
}
