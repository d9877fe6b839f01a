import { Controller, Get } from '@nestjs/common';
import { greet } from '@ws/lib';
import type { Shape } from '@ws/types';

@Controller()
export class AppController {
  @Get()
  hello(): Shape {
    return { text: greet('api') };
  }
}
