import { Body, Controller, Get, Injectable, OnModuleInit, Post, Req } from '@nestjs/common';
import { ClsService } from 'nestjs-cls';
import { OnEvent } from '@nestjs/event-emitter';

@Injectable()
export class Client {
  ping() {
    return 1;
  }
}

@Controller('metrics')
export class MetricsController implements OnModuleInit {
  private count = 0;
  private bytes = 0;
  private client: Client;
  private lazy: any;
  private config: any;
  private byUser = new Map<string, any>();
  private seen: string[] = [];
  private lastAt = 0;

  constructor(private readonly cls: ClsService) {
    this.config = { ready: false };
  }

  onModuleInit() {
    this.config = { ready: true };
  }

  @Get()
  hit(@Req() req: any) {
    this.count++;
    this.bytes += Number(req.headers['content-length']);
    this.client ??= new Client();
    if (!this.lazy) this.lazy = new Client();
    this.lastAt = Date.now();
    this.cls.set('user', req.user);
    this.byUser.set(req.user.id, req.user);
    this.seen.push(req.ip);
    return this.count;
  }

  private settings: any;

  @OnEvent('settings.changed')
  onSettings(payload: any) {
    this.settings = payload;
  }

  private total = 0;
  private peak = 0;

  @Post()
  post(@Body() body: any) {
    this.total = this.total + Number(body.amount);
    this.peak = Math.max(this.peak, Number(body.amount));
    const local = body;
    return local;
  }
}
