import Redis from 'ioredis';

export function createCacheClient(url: string) {
  return new Redis(url); // want "warning: Redis connection from `useFactory` of `'CACHE_CLIENT'` is never closed: no shutdown hook calls `quit\\(\\)` or `disconnect\\(\\)`, so the process hangs on SIGTERM"
}
