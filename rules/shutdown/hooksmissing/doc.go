// hooksmissing: nest app served without enableShutdownHooks
//
// Nest listens for termination signals only when asked to. On SIGTERM
// (what Kubernetes, Docker, ECS and PM2 send to stop a container or a
// process) an app that called app.enableShutdownHooks() runs, in order,
// onModuleDestroy, beforeApplicationShutdown, then closes the HTTP server
// and the microservice transports (app.close()), then onApplicationShutdown:
// in-flight requests finish, queues stop taking jobs, pools and clients
// disconnect. Without it none of these hooks run: Node's default handler
// kills the process at once, cutting requests, transactions and open
// connections mid-way. Kubernetes sends SIGTERM, waits
// terminationGracePeriodSeconds (30 s by default) and then sends SIGKILL,
// so the hooks must finish within that grace period.
//
// nestlint reports each NestFactory.create, createMicroservice or
// createApplicationContext whose app is served (listen,
// startAllMicroservices, connectMicroservice) and that never gets
// enableShutdownHooks() on any path: not in the bootstrap function, not in
// a helper the app is passed to (one or two calls deep), and not through
// the bootstrap's own process.on('SIGTERM' | 'SIGINT') handler calling
// app.close(). One-shot programs that close the app themselves, an
// application context that is never served, and offline code (scripts,
// seeds, tests) are not reported. The fix inserts app.enableShutdownHooks()
// on the line after the create call.
//
// Bad:
//
//	async function bootstrap() {
//	  const app = await NestFactory.create(AppModule);
//	  await app.listen(3000); // SIGTERM kills the process: no onModuleDestroy
//	}
//
// Good:
//
//	async function bootstrap() {
//	  const app = await NestFactory.create(AppModule);
//	  app.enableShutdownHooks();
//	  await app.listen(3000);
//	}
package hooksmissing
