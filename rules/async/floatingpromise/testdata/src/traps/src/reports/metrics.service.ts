import { Injectable, Logger } from '@nestjs/common';

// A local cache class with the method names of a cache store: judged by
// what it is, not by its names.
class MemoryCache {
  private readonly data = new Map<string, string>();
  del(key: string) {
    this.data.delete(key);
  }
}

@Injectable()
export class MetricsService {
  private readonly logger = new Logger(MetricsService.name);
  private readonly cache = new MemoryCache();

  // async, but nothing in it can reject
  async log(event: string) {
    this.logger.log(event);
  }

  // every await is covered by try/catch
  async safeFlush(push: () => Promise<void>) {
    try {
      await push();
      throw new Error('never escapes');
    } catch (err) {
      this.logger.warn(String(err));
    }
  }

  evict(key: string) {
    this.cache.del(key);
  }
}
