import Redis from 'ioredis';

export function createCacheClient(url: string) {
  return new Redis(url); // want "warning: Redis connection returned by the useFactory of provider 'CACHE_CLIENT' is never closed"
}
