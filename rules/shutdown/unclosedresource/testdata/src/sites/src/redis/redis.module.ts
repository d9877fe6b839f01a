import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import Redis from 'ioredis';
import { Kafka } from 'kafkajs';
import { Client } from '@elastic/elasticsearch';
import * as ldap from 'ldapjs';
import { Connections } from './connections';
import { createCacheClient } from './cache-client';

export const REDIS_CLIENT = 'REDIS_CLIENT';
export const PUB_SUB = 'PUB_SUB';
export const KAFKA_PRODUCER = 'KAFKA_PRODUCER';

@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      // closed by RedisModule.onApplicationShutdown, which injects it
      useFactory: (config: ConfigService) => new Redis(config.get('REDIS_URL')),
      inject: [ConfigService],
    },
    {
      provide: PUB_SUB,
      useFactory: () => new RedisPubSub({ connection: process.env.REDIS_URL }), // want "warning: `RedisPubSub` from `useFactory` of `'PUB_SUB'` is never closed: no shutdown hook calls `close\\(\\)`, so the process hangs on SIGTERM"
    },
    {
      provide: KAFKA_PRODUCER,
      useFactory: async () => {
        const kafka = new Kafka({ brokers: [process.env.KAFKA_BROKER] });
        const producer = kafka.producer(); // want "warning: Kafka producer/consumer from `useFactory` of `'KAFKA_PRODUCER'` is never closed: no shutdown hook calls `disconnect\\(\\)`, so the process hangs on SIGTERM"
        await producer.connect();
        return producer;
      },
    },
    {
      provide: 'SEARCH',
      // the provider value carries its own onModuleDestroy
      useFactory: () => {
        const client = new Client({ node: process.env.ES_URL });
        return Object.assign(client, { onModuleDestroy: () => client.close() });
      },
    },
    {
      provide: 'LDAP',
      useFactory: () => ({
        client: ldap.createClient({ url: process.env.LDAP_URL }),
        onModuleDestroy() {
          this.client.unbind();
        },
      }),
    },
    {
      provide: 'CACHE_CLIENT',
      useFactory: () => createCacheClient(process.env.REDIS_URL),
    },
    { provide: Connections, useFactory: () => new Connections() },
  ],
  exports: [REDIS_CLIENT, PUB_SUB, KAFKA_PRODUCER, 'SEARCH', 'LDAP', 'CACHE_CLIENT', Connections],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationShutdown() {
    await this.redis.quit();
  }
}
