import Redis from 'ioredis';

// a static boot helper: the client lives on the class
export class RedisBoot {
  static client: Redis;
  static subscriber: Redis;

  static async connect() {
    this.client = new Redis(process.env.REDIS_URL); // want "warning: Redis connection `RedisBoot\\.client` is never closed: no shutdown hook calls `quit\\(\\)` or `disconnect\\(\\)`, so the process hangs on SIGTERM"
    RedisBoot.subscriber = new Redis(process.env.REDIS_URL); // quit by the SIGTERM handler in main.ts
  }
}
