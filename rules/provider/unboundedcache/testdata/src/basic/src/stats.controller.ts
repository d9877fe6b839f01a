import { Body, Controller, Get, Ip, Param, Post } from '@nestjs/common';

const seenTokens = new Set<string>(); // want "warning: module-level Set `seenTokens` grows per request \\(`add`\\) and is never pruned, so memory only grows; use an LRU or a TTL"

@Controller('stats')
export class StatsController {
  private byId = new Map<string, unknown>(); // want "warning: `StatsController\\.byId`, a Map in a singleton, grows per request \\(`set`\\) and is never pruned, so memory only grows; use an LRU or a TTL" "via StatsController.get"
  private hitsByIp: Record<string, number> = {}; // want "warning: `StatsController\\.hitsByIp`, an object in a singleton, grows per request \\(`\\[k\\] =`\\) and is never pruned, so memory only grows; use an LRU or a TTL"
  private log: string[] = []; // want "warning: `StatsController\\.log`, an array in a singleton, grows per request \\(`push`\\) and is never pruned, so memory only grows; use an LRU or a TTL"

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
