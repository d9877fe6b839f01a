import { Body, Controller, Get, Ip, Param, Post } from '@nestjs/common';

const seenTokens = new Set<string>(); // want "warning: module-level Set seenTokens grows per request .add in StatsController.login. and is never pruned; memory grows until the process dies: use an LRU"

@Controller('stats')
export class StatsController {
  private byId = new Map<string, unknown>(); // want "warning: StatsController.byId is a Map in a singleton that grows per request .set in StatsController.get. and is never pruned" "via StatsController.get"
  private hitsByIp: Record<string, number> = {}; // want "StatsController.hitsByIp is an object in a singleton that grows per request ..k. = in StatsController.hit."
  private log: string[] = []; // want "StatsController.log is an array in a singleton that grows per request .push in StatsController.hit."

  @Get(':id')
  get(@Param('id') id: string) {
    if (!this.byId.has(id)) {
      this.byId.set(id, { id, at: Date.now() });
    }
    return this.byId.get(id);
  }

  @Get()
  hit(@Ip() ip: string) {
    this.hitsByIp[ip] = (this.hitsByIp[ip] ?? 0) + 1;
    this.log.push(`${ip} ${Date.now()}`);
    return this.hitsByIp[ip];
  }

  @Post('login')
  login(@Body('token') token: string) {
    seenTokens.add(token);
    return true;
  }
}
