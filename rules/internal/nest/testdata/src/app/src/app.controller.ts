import { Controller, Get, UseGuards, UseInterceptors } from '@nestjs/common';
import { AppService } from './app.service';
import { AuthGuard } from './common/auth.guard';
import { LoggingInterceptor } from './common/logging.interceptor';
import { RequestLogger } from './common/request-logger';
import { CurrentUser } from './common/user.decorator';

@Controller()
@UseGuards(AuthGuard)
@UseInterceptors(LoggingInterceptor)
export class AppController {
  constructor(
    private readonly app: AppService,
    private readonly logger: RequestLogger,
  ) {}

  @Get()
  list(@CurrentUser() user: unknown) {
    this.logger.log('list');
    return this.app.list(['a', 'b']);
  }
}
