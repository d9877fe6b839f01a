// unclosedresource: provider opens a resource it never closes
//
// A provider that opens a long-lived resource (a setInterval timer, a Redis
// client, a pg or mysql2 pool, a mongoose connection, a PrismaClient, a
// worker thread, an fs.watch watcher, a child process, an AMQP, NATS or
// Kafka connection, a BullMQ queue or worker) must close it when the app
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
// nestlint looks at field initializers, constructors and the startup hooks
// (onModuleInit, onApplicationBootstrap, and the methods they call through
// this), resolves each constructor and function through the imports
// ("ioredis", "redis", "pg", "mysql2", "mongoose", "@prisma/client",
// "worker_threads", "fs", "child_process", "amqplib", "kafkajs", "nats",
// "bullmq", "bull"), and reports the resource when no shutdown hook of the
// class (or a method it calls through this) closes it with clearInterval,
// clearTimeout, quit, disconnect, $disconnect, end, close, kill, terminate
// or removeAllListeners. A close method that no hook calls does not count.
// Request-scoped providers are reported whatever hooks they have: Nest
// never calls lifecycle hooks on them. setTimeout counts only when stored on
// the instance.
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
