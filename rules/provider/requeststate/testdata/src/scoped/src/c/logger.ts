import { Injectable, Scope } from '@nestjs/common';
import { Controller, Get, Query } from '@nestjs/common';

// transient by declaration: one instance per consumer
@Injectable({ scope: Scope.TRANSIENT })
export class ScopedLogger {
  private context = '';

  setContext(ctx: string) {
    this.context = ctx;
  }
}

@Controller('log')
export class LogController {
  constructor(private readonly logger: ScopedLogger) {}

  @Get()
  get(@Query('ctx') ctx: string) {
    this.logger.setContext(ctx);
  }
}
