export const REDIS = 'REDIS';

export function createRedisProvider() {
  return { provide: REDIS, useFactory: () => ({ connected: true }) };
}
