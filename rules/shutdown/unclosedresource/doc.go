// unclosedresource: provider opens a resource it never closes
//
// A Nest app that opens a long-lived resource (a setInterval timer, a Redis
// client, a database pool, a PrismaClient, a message broker connection, a
// BullMQ queue or worker, an analytics SDK) must close it when the app
// stops. With app.enableShutdownHooks(), Nest reacts to SIGTERM by calling
// onModuleDestroy, then beforeApplicationShutdown, then closing the HTTP
// server and transports (app.close()), then onApplicationShutdown, on every
// provider. A resource no hook closes either keeps the event loop alive
// (the process hangs until Kubernetes sends SIGKILL once
// terminationGracePeriodSeconds have passed) or is cut mid-operation:
// pending commands are lost and the server side sees a broken connection.
// Without enableShutdownHooks no hook runs at all (see
// shutdown/hooks-missing).
//
// Where resources are opened: field initializers, constructors, the
// startup hooks (onModuleInit, onApplicationBootstrap) and every method of
// a provider or module that runs at startup (an init() or register() that
// a module's onModuleInit or the bootstrap calls, followed through this);
// useFactory providers whose value is the client (directly, through a
// local, return dataSource.initialize(), a helper function such as
// createRedisClient(), or a property of the returned object; providers
// spread from an array, providers: [...databaseProviders], count); plain classes whose instance a useFactory returns;
// static boot helpers (RedisBoot.client = new Redis() in a static method
// called from main.ts); module-level clients and timers of files the
// bootstrap imports; and locals of startup functions, whether closures
// capture them or not (the pub/sub clients handed to a socket.io Redis
// adapter).
//
// What opens a resource is a catalog, kept as data in catalog.go: ioredis
// and redis clients (quit, disconnect, and .duplicate()), BullMQ Queue,
// Worker, QueueEvents and FlowProducer (close), kafkajs producer, consumer
// and admin (disconnect), amqplib and amqp-connection-manager, nats, mqtt,
// mongodb MongoClient, mongoose connections, pg Pool and Client (end),
// mysql2 pools, PrismaClient ($disconnect), TypeORM DataSource (destroy),
// Keyv stores and cache-manager Redis stores, graphql-redis-subscriptions
// RedisPubSub, Elasticsearch and OpenSearch clients, LDAP clients (unbind),
// PostHog (shutdown), Segment (closeAndFlush), LaunchDarkly (close), worker
// threads, fs.watch and chokidar watchers, child processes, setInterval,
// and setTimeout when it is kept. Callees are resolved through the imports.
//
// A resource counts as closed when code that runs at shutdown calls a close
// method on it (or on its holder: this.conns.closeAll()): the shutdown
// hooks of its class (onModuleDestroy, beforeApplicationShutdown,
// onApplicationShutdown, inherited ones too, and the methods they call
// through this), a method in shutdown context, the shutdown hook of a
// module or provider that injects the class and closes through it
// (this.mailer.queue.close(), this.prisma.$disconnect()), the shutdown hook
// of a module or provider that injects a factory provider's token
// (this.redis.quit() in RedisModule.onApplicationShutdown), an
// onModuleDestroy the factory puts on the value it returns, shutdown code
// that takes the value out of the container (this.moduleRef.get(REDIS)) and
// closes it, or a process signal handler (process.on('SIGTERM', ...)). A
// close method that nothing calls at shutdown does not count. A local of a
// startup function is closed when its function (or a callback in it) closes
// it; a local that is returned, stored in a module variable or a
// collection, or handed to project code is left to its new holder. A local
// kept in a field of the instance, even wrapped (this.adapterConstructor =
// createAdapter(pub, sub) in the RedisIoAdapter of the NestJS docs), is
// closed only when the class's shutdown hooks or its own close(), dispose()
// or destroy() close a field.
//
// Request-scoped providers are reported whatever hooks they have: Nest
// never calls lifecycle hooks on them. A client (Redis, LDAP, a database
// pool, a queue, ...) created per request in a local and never closed in
// that function, nor returned or handed to project code, leaks one
// connection per request and is reported at error level with the request
// path.
//
// Bad:
//
//	@Injectable()
//	export class CacheService {
//	  private readonly redis = new Redis(process.env.REDIS_URL); // never closed
//	}
//
// Good:
//
//	@Injectable()
//	export class CacheService implements OnApplicationShutdown {
//	  private readonly redis = new Redis(process.env.REDIS_URL);
//
//	  async onApplicationShutdown() {
//	    await this.redis.quit();
//	  }
//	}
package unclosedresource
