// signalexit: signal handler exits without closing the app
//
// A handler registered with process.on('SIGTERM' | 'SIGINT' | 'SIGHUP' |
// 'SIGUSR2') replaces Node's default of dying at once. If it calls
// process.exit() without first awaiting app.close(), the process ends
// before Nest has run its shutdown sequence (onModuleDestroy,
// beforeApplicationShutdown, closing the HTTP server and transports,
// onApplicationShutdown): in-flight requests are cut and connections are
// dropped. This is true even with app.enableShutdownHooks(): Nest's own
// listener starts the asynchronous close, but the synchronous
// process.exit() in your handler ends the process before any of it runs.
// Kubernetes allows terminationGracePeriodSeconds (30 s by default) between
// SIGTERM and SIGKILL, which is the time the close should use.
//
// nestlint reports process.exit() in an inline signal handler (or a named
// function passed as one) when no awaited .close() call comes before it in
// the handler, or when the exit does not run in the .then() of a close().
// Only handlers of a Nest process count: registered in a file that a
// NestFactory bootstrap reaches through its imports, or by a Nest
// provider, controller or module. A standalone Node process in the same
// repository (a BullMQ worker or CLI started with node, which no bootstrap
// imports) has no app to close and is not reported.
//
// Bad:
//
//	process.on('SIGTERM', () => {
//	  logger.log('bye');
//	  process.exit(0); // hooks never run
//	});
//
// Good:
//
//	process.on('SIGTERM', async () => {
//	  await app.close(); // runs onModuleDestroy ... onApplicationShutdown
//	  process.exit(0);
//	});
package signalexit
