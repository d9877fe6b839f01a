import { Injectable, OnModuleInit } from '@nestjs/common';

@Injectable()
export class RateLimitService implements OnModuleInit {
  private counts: Record<string, number> = {}; // want "warning: `RateLimitService\\.counts`, an object in a singleton, grows per request \\(`\\[k\\] =`\\) and is never pruned, so memory only grows; use an LRU or a TTL"
  private hits: { [ip: string]: number } = {}; // want "warning: `RateLimitService\\.hits`, an object in a singleton, grows per request \\(`\\[k\\] =`\\) and is never pruned, so memory only grows; use an LRU or a TTL"
  private windows: Record<string, number> = {};
  private buckets: Record<string, number> = {};
  private strikes: Record<string, number> = {};
  private stats = { total: 0, byRoute: {} as Record<string, number> }; // want "warning: `RateLimitService\\.stats`, an object in a singleton, grows per request \\(`\\.byRoute\\[k\\] =`\\) and is never pruned, so memory only grows; use an LRU or a TTL"
  private usage = { byTenant: {} as Record<string, number> };

  onModuleInit() {
    // a sweep that runs every minute bounds the buckets
    setInterval(() => this.sweep(), 60_000);
  }

  hit(key: string, ip: string) {
    this.counts[key] = (this.counts[key] ?? 0) + 1;
    this.hits[ip]++;
    this.windows[key] = Date.now();
    if (this.windows[key] < Date.now() - 60_000) {
      delete this.windows[key];
    }
    this.buckets[ip] = (this.buckets[ip] ?? 0) + 1;
    this.strikes[ip] = (this.strikes[ip] ?? 0) + 1;
    this.stats.total++;
    this.stats.byRoute[key] = (this.stats.byRoute[key] ?? 0) + 1;
    this.usage.byTenant[ip] = (this.usage.byTenant[ip] ?? 0) + 1;
  }

  private sweep() {
    this.buckets = {};
    this.usage.byTenant = {};
  }

  forgive(ip: string) {
    delete this.strikes[ip];
  }
}
