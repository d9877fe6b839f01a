// listenerleak: listener or timer registered without removal
//
// An event listener holds its handler, and everything the handler closes
// over, for as long as the emitter lives. Registering one on a long-lived
// emitter (process, a field of a singleton provider, a module-level
// emitter, an injected EventEmitter2, an RxJS Subject) from code that runs
// per request adds one more listener on every request: memory grows, Node
// prints MaxListenersExceededWarning, and old handlers keep running with
// stale request data. setInterval, or a setTimeout that reschedules
// itself, started per request never stops. nestlint reports .on,
// .addListener, .once, .prependListener and .subscribe on process, this.<field>
// or a module-level variable, and setInterval or a recurring setTimeout,
// when the call runs in request context and nothing in the same class (or
// file) removes it (off, removeListener, removeAllListeners, unsubscribe,
// clearInterval, clearTimeout); the finding carries the request path.
// Listeners on per-request objects (req, res, a socket or stream held in a
// parameter or local) die with the request and are not reported, nor is
// .subscribe on an observable returned inline (this.http.get(url).subscribe(...)
// completes after one value), nor @OnEvent handlers. At startup, a provider
// that listens on process, on a module-level emitter or on an injected
// dependency is reported when no onModuleDestroy,
// beforeApplicationShutdown or onApplicationShutdown removes the listener
// (or closes the emitter): after app.close(), as in every e2e test, the
// handler stays attached. A process-wide handler of a signal or a fatal
// error (process.on('SIGTERM' | 'uncaughtException' |
// 'unhandledRejection' | 'exit', ...)) registered at startup is the
// app's one handler for the process and is not reported. Timers started at
// startup are reported by shutdown/unclosed-resource instead.
//
// Bad:
//
//	@Get('stream')
//	stream(@Req() req: Request) {
//	  this.events.on('order.created', (o) => this.push(req, o)); // one more listener per request
//	}
//
// Good:
//
//	@Get('stream')
//	stream(@Req() req: Request) {
//	  const handler = (o: Order) => this.push(req, o);
//	  this.events.on('order.created', handler);
//	  req.on('close', () => this.events.off('order.created', handler));
//	}
//
// At startup, register in onModuleInit and remove the same handler in
// onModuleDestroy (process.off('message', this.onMessage)), or keep the
// Subscription and call unsubscribe() there.
package listenerleak
