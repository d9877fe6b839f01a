import { Controller, Get, Injectable, Param, Req } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { Subject } from 'rxjs';

@Controller('orders')
export class OrdersController {
  private updates$ = new Subject<string>();

  constructor(private readonly events: EventEmitter2, private readonly http: HttpService) {}

  @Get('watch')
  watch(@Req() req: any) {
    this.events.on('order.created', (o: unknown) => req.res.write(String(o))); // want "warning: `this\\.events\\.on\\('order\\.created'\\)` listener is added per request and never removed, so they pile up and leak memory; remove it when the request ends" "via OrdersController.watch"
    process.on('unhandledRejection', () => req.res.end()); // want "warning: `process\\.on\\('unhandledRejection'\\)` listener is added per request and never removed, so they pile up and leak memory; remove it when the request ends"
    req.on('close', () => req.res.end());
    this.http.get('https://example.com').subscribe((r) => r);
    return 'ok';
  }

  @Get('poll/:id')
  poll(@Param('id') id: string) {
    setInterval(() => this.updates$.next(id), 1000); // want "warning: `setInterval` is added per request and never removed, so they pile up and leak memory; remove it when the request ends"
    this.updates$.subscribe((v) => v); // want "warning: a subscription to `this\\.updates\\$` is added per request and never removed, so they pile up and leak memory; remove it when the request ends"
    return id;
  }

  @OnEvent('order.created')
  onOrder(payload: unknown) {
    return payload;
  }
}

@Controller('retry')
export class RetryController {
  @Get()
  retry() {
    const tick = () => {
      setTimeout(tick, 1000); // want "warning: a recurring `setTimeout` is added per request and never removed, so they pile up and leak memory; remove it when the request ends"
    };
    tick();
    setTimeout(() => {
      setTimeout(() => undefined, 10);
    }, 1000);
    setTimeout(() => undefined, 1000);
    this.poll('x');
    return 1;
  }

  private poll(id: string) {
    setTimeout(() => this.poll(id), 1000); // want "warning: a recurring `setTimeout` is added per request and never removed, so they pile up and leak memory; remove it when the request ends"
  }
}

@Controller('clean')
export class CleanController {
  constructor(private readonly events: EventEmitter2) {}

  @Get()
  stream(@Req() req: any) {
    const handler = (o: unknown) => req.res.write(String(o));
    this.events.on('order.created', handler);
    req.on('close', () => this.events.off('order.created', handler));
    const t = setInterval(() => req.res.write('.'), 1000);
    req.on('close', () => clearInterval(t));
  }
}
