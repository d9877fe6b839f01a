import { Body, Controller, Post } from '@nestjs/common';
import { AuthService } from './auth.service';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  login(@Body() body: { user: string; password: string }) {
    return this.auth.login(body.user, body.password);
  }

  @Post('verify')
  verify(@Body() body: { user: string; password: string }) {
    return this.auth.verify(body.user, body.password);
  }
}
