import { Controller, Get, Injectable, OnModuleInit, Param, Scope } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { LRUCache } from 'lru-cache';

@Injectable({ scope: Scope.REQUEST })
export class PerRequest {
  private items: string[] = [];

  add(x: string) {
    this.items.push(x);
  }
}

@Controller('traps')
export class TrapsController implements OnModuleInit {
  private weak = new WeakMap<object, number>();
  private lru = new LRUCache<string, number>({ max: 100 });
  private lru2: LRUCache<string, number> = new LRUCache({ max: 10 });
  private warm = new Map<string, number>();
  private cleared = new Map<string, number>();
  private reset = new Map<string, number>();
  private queue: string[] = [];
  private truncated: string[] = [];
  private keyed: Record<string, number> = {};
  private nested = new Map<string, string[]>();

  constructor(private readonly perRequest: PerRequest) {}

  onModuleInit() {
    this.warm.set('a', 1);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    this.weak.set({}, 1);
    this.lru.set(id, 1);
    this.lru2.set(id, 1);
    this.cleared.set(id, 1);
    this.reset.set(id, 1);
    this.queue.push(id);
    this.truncated.push(id);
    this.keyed[id] = 1;
    this.nested.get('x')?.push(id);
    this.perRequest.add(id);
    return this.warm.get(id);
  }

  @Cron('0 * * * *')
  flush() {
    this.cleared.clear();
    this.reset = new Map();
    this.queue.shift();
    this.truncated.length = 0;
    delete this.keyed['a'];
    this.nested.delete('x');
  }
}

const unknownOnly = new Map<string, number>();

export function neverCalled(k: string) {
  unknownOnly.set(k, 1);
}
