// handlerrejection: an async callback nobody awaits can reject uncaught
//
// A timer or an event emitter calls its callback and drops the promise the
// callback returns. When an async callback passed to setInterval,
// setTimeout, setImmediate, process.on() or an EventEmitter, ioredis,
// socket.io, ws or BullMQ Worker/QueueEvents listener rejects, the rejection is unhandled, and since
// Node 15 an unhandled rejection terminates the process: one failed
// database call in a polling loop restarts the pod and fails every request
// in flight on it.
//
// nestlint reports such a callback when its body can reject outside any
// try block: a throw statement, or an awaited or returned call that can
// reject (a known rejecting API such as a TypeORM, Prisma or Mongoose call,
// axios, fetch, queue.add, the cache manager or fs.promises, or a project
// function, followed across files, that can reject), or a call of a project
// function that throws. It reports an @OnEvent handler only when it opts out
// of error suppression with `{ suppressErrors: false }`. The finding points
// at the callback and names the first statement that can reject. It is an
// error wherever the callback is registered, a warning when no entry point
// or startup code is known to register it, and nothing in offline code.
//
// Not reported: the handlers Nest already wraps. @nestjs/schedule runs
// @Cron, @Interval and @Timeout methods inside a try/catch that logs,
// @nestjs/event-emitter does the same for @OnEvent (suppressErrors defaults
// to true), @nestjs/cqrs routes @EventsHandler errors to the
// UnhandledExceptionBus, and @EventPattern handlers go through the
// microservice exception filters. Also not reported: a callback whose
// rejecting statements are all inside try blocks, one that delegates to a
// wrapper that catches (`await this.safely(() => this.sync())`),
// process signal handlers (shutdown/signal-exit judges those), emitters
// created with `captureRejections: true`, and listeners on project classes
// or unknown objects (which may await them).
//
// Bad:
//
//	onModuleInit() {
//	  this.timer = setInterval(async () => {
//	    await this.outbox.flush(); // a failed flush kills the process
//	  }, 5_000);
//	}
//
// Good:
//
//	onModuleInit() {
//	  this.timer = setInterval(async () => {
//	    try {
//	      await this.outbox.flush();
//	    } catch (err) {
//	      this.logger.error('outbox flush failed', err);
//	    }
//	  }, 5_000);
//	}
package handlerrejection
