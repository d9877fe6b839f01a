// processexit: process.exit() skips every shutdown hook
//
// process.exit() ends the process on the spot. When a NestJS app stops
// normally (SIGTERM with app.enableShutdownHooks(), or app.close()) Nest runs
// onModuleDestroy, beforeApplicationShutdown, closes the HTTP server and the
// transports, then runs onApplicationShutdown, so in-flight requests finish
// and pools, queues and clients disconnect cleanly. process.exit() skips all
// of it: in-flight requests are cut, queued jobs and buffered logs or
// metrics are lost, and database transactions are aborted. Kubernetes waits
// terminationGracePeriodSeconds after SIGTERM before it kills a pod, which is
// time the app should spend draining, not exiting.
//
// nestlint reports process.exit() in code that runs per request, at startup
// or at shutdown, outside the bootstrap file (main.ts, where exiting after a
// failed bootstrap is fine) and outside offline code (scripts, seeds,
// migrations, tests, CLI commands). Exits inside signal handlers are left to
// shutdown/signal-exit.
//
// Bad:
//
//	@Injectable()
//	export class ConfigCheck implements OnModuleInit {
//	  onModuleInit() {
//	    if (!process.env.DB_URL) process.exit(1); // skips every hook
//	  }
//	}
//
// Good:
//
//	@Injectable()
//	export class ConfigCheck implements OnModuleInit {
//	  onModuleInit() {
//	    if (!process.env.DB_URL) throw new Error('DB_URL is not set'); // bootstrap fails cleanly
//	  }
//	}
package processexit
