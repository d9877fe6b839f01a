import { Controller, Get, Req } from '@nestjs/common';
import { RequestUserService } from './request-user.service';
import { DeepService } from '../b/deep.service';
import { TransientUserService } from '../c/transient-user.service';

@Controller('a')
export class AController {
  constructor(
    private readonly users: RequestUserService,
    private readonly deep: DeepService,
    private readonly transient: TransientUserService,
  ) {}

  @Get()
  get(@Req() req: any) {
    this.deep.remember(req.user);
    this.transient.remember(req.user);
    return this.users.remember(req.user);
  }
}
