import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';

export const BOOT_TIME = computeBootTime();

function computeBootTime() {
  return Date.now();
}

@Injectable()
export class AppService implements OnModuleInit, OnModuleDestroy {
  private cache: string[] = [];

  onModuleInit() {
    this.warm();
  }

  onModuleDestroy() {
    this.flush();
  }

  list(ids: string[]) {
    this.warm();
    return ids.map((id) => this.decorate(id));
  }

  // only called from the spec file
  resetForTests() {
    this.cache = [];
  }

  private warm() {
    this.cache.push('warm');
  }

  private decorate(id: string) {
    return `#${id}`;
  }

  private flush() {
    this.cache = [];
  }
}

export function unusedHelper() {
  return 'nobody calls me';
}
