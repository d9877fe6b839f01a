import { Controller, Get, Req } from '@nestjs/common';
import { Builder } from './helper';

@Controller('b')
export class BuilderController {
  @Get()
  get(@Req() req: any) {
    return new Builder().with(req.user);
  }
}
