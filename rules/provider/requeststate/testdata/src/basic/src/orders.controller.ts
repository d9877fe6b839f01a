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
    this.lastRequest = req; // want "error: `OrdersController` is a singleton: concurrent requests overwrite `this\\.lastRequest` \\(set from `@Req\\(\\) req`\\); keep it local or use a request-scoped provider"
    return [];
  }

  @Get('tenant')
  tenant(@Headers() headers: Record<string, string>) {
    const tenant = headers['x-tenant'];
    const normalized = tenant.toLowerCase();
    this.tenantId = normalized; // want "error: `OrdersController` is a singleton: concurrent requests overwrite `this\\.tenantId` \\(set from `@Headers\\(\\) headers`\\); keep it local or use a request-scoped provider"
    return this.tenantId;
  }

  @Get('me')
  me(@CurrentUser() user: any) {
    this.user = user; // want "error: `OrdersController` is a singleton: concurrent requests overwrite `this\\.user` \\(set from `@CurrentUser\\(\\) user`\\); keep it local or use a request-scoped provider"
    return user;
  }

  @Post()
  create(@Body() body: any) {
    this.dto = { ...body, at: Date.now() }; // want "error: `OrdersController` is a singleton: concurrent requests overwrite `this\\.dto` \\(set from `@Body\\(\\) body`\\); keep it local or use a request-scoped provider"
    return this.dto;
  }

  private locale: string;

  @Get('locale')
  setLocale(@Req() req: Request) {
    const { headers } = req;
    this.locale = headers['accept-language'] as string; // want "error: `OrdersController` is a singleton: concurrent requests overwrite `this\\.locale` \\(set from `@Req\\(\\) req`\\); keep it local or use a request-scoped provider"
    return this.locale;
  }

  @Get(':id')
  one(@Param('id') id: string) {
    this.orderId = String(id); // want "error: `OrdersController` is a singleton: concurrent requests overwrite `this\\.orderId` \\(set from `@Param\\(\\) id`\\); keep it local or use a request-scoped provider"
    return id;
  }
}
