import { Injectable, OnModuleInit, Inject } from '@nestjs/common';
import Redis from 'ioredis';

abstract class Base {
  protected abstract name: string;
}

@Injectable()
export class RedisService extends Base implements OnModuleInit {
  private client: Redis; // want "warning: field `client` is first set in `onModuleInit`, and with `target: ES2021` in `tsconfig\\.json` instances change shape"
  private subscriber?: Redis; // want "warning: field `subscriber` is first set in `getSubscriber`, and with `target: ES2021` in `tsconfig\\.json` instances change shape"
  private prefix: string; // want "warning: field `prefix` is first set in setter `keyPrefix`, and with `target: ES2021` in `tsconfig\\.json` instances change shape"
  private ready = false;
  private url: string;
  private retries: number;
  protected name: string;
  declare readonly kind: string;
  static instances: number;
  @Inject('CONFIG') private readonly config: Record<string, string>;

  constructor(private readonly host: string) {
    super();
    this.url = `redis://${host}`;
    this.reset();
  }

  async onModuleInit() {
    this.client = new Redis(this.url);
    this.ready = true;
    this.url = 'x';
    this.host2();
    this.name = 'redis';
    RedisService.instances = 1;
  }

  getSubscriber() {
    this.subscriber ??= new Redis(this.url);
    return this.subscriber;
  }

  set keyPrefix(p: string) {
    this.prefix = p;
  }

  private reset() {
    this.retries = 0;
    this.name = 'redis';
  }

  private host2() {
    return this.host;
  }
}
