import { Controller, Get, Inject, Injectable, Module, OnModuleInit, Post, Put, Scope } from '@nestjs/common';
import { ModuleRef, REQUEST } from '@nestjs/core';
import { Cron } from '@nestjs/schedule';

@Injectable({ scope: Scope.REQUEST })
export class RequestLogger {
  log(msg: string) {
    return msg;
  }
}

@Injectable()
export class AuditTrail {
  constructor(@Inject(REQUEST) private readonly req: { user?: string }) {}
  who() {
    return this.req.user;
  }
}

// request scope used from request code only: what it is for
@Controller({ path: 'profile', scope: Scope.REQUEST })
export class ProfileController {
  constructor(private readonly logger: RequestLogger, private readonly audit: AuditTrail) {}

  @Get()
  get() {
    return this.logger.log(String(this.audit.who()));
  }

  @Post()
  post() {
    return this.logger.log('post');
  }

  @Put()
  put() {
    return this.logger.log('put');
  }
}

// two routes: below the default threshold
@Controller('small')
export class SmallController {
  constructor(private readonly audit: AuditTrail) {}

  @Get()
  a() {
    return this.audit.who();
  }

  @Post()
  b() {
    return this.audit.who();
  }
}

// a singleton with a cron and a hook, no request-scoped dependency
@Injectable()
export class Housekeeping implements OnModuleInit {
  onModuleInit() {
    return undefined;
  }

  @Cron('0 * * * *')
  hourly() {
    return undefined;
  }
}

// get() of a singleton, resolve() of a request-scoped provider: both fine
@Injectable()
export class Lookup {
  constructor(private readonly moduleRef: ModuleRef) {}

  housekeeping() {
    return this.moduleRef.get(Housekeeping);
  }

  audit() {
    return this.moduleRef.resolve(AuditTrail);
  }
}

@Injectable({ scope: Scope.TRANSIENT })
export class Stopwatch implements OnModuleInit {
  onModuleInit() {
    return undefined;
  }
}

@Module({ controllers: [ProfileController, SmallController], providers: [RequestLogger, AuditTrail, Housekeeping, Stopwatch, Lookup] })
export class AppModule {}
