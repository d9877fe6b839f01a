import { Body, Controller, Headers, Post, Req } from '@nestjs/common';
import { RateLimitService } from './rate-limit.service';

@Controller('auth')
export class AuthController {
  private sessions = new Map<string, string>(); // want "warning: `AuthController\\.sessions`, a Map in a singleton, grows per request \\(`set`\\) and is never pruned, so memory only grows; use an LRU or a TTL"
  private refreshTokens = new Map<string, string>();

  constructor(private readonly limits: RateLimitService) {}

  @Post('login')
  login(@Body() body: { user: string }, @Req() req: any) {
    this.limits.hit(body.user, req.ip);
    const token = Math.random().toString(36);
    this.sessions.set(token, body.user);
    this.refreshTokens.set(body.user, token);
    return { token };
  }

  @Post('logout')
  logout(@Body() body: { user: string }) {
    this.refreshTokens.delete(body.user);
  }

  @Post('forgive')
  forgive(@Headers('x-ip') ip: string) {
    this.limits.forgive(ip);
  }
}
