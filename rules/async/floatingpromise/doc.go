// floatingpromise: a promise that can reject is neither awaited nor handled
//
// Since Node 15 an unhandled promise rejection terminates the process
// (--unhandled-rejections=throw is the default). A NestJS service that calls
// `this.repo.save(entity)` or `this.audit.record(...)` without awaiting it
// answers the request, and when the database hiccups a second later the
// rejection has nowhere to go: the pod restarts and every in-flight request
// on it fails. Exception filters never see it, because the request that
// started it has already been answered.
//
// nestlint reports a call whose promise is dropped (an expression
// statement, `void call()`, or a callback return value that forEach,
// setTimeout, subscribe or an emitter's on() ignores) when the promise is
// proven able to reject: a known rejecting API (TypeORM, Prisma and
// Mongoose writes and queries, axios and fetch, got, undici, Bull/BullMQ
// `queue.add`, the cache manager, fs.promises, firstValueFrom), or a project
// function, resolved across files, whose body throws outside a try block or
// awaits or returns something that rejects. An async callback handed to
// forEach is reported too. The severity follows where the call runs: error
// on the request path (with the path, entry point first) and in cron, event,
// queue and timer callbacks, warning where no entry point is known to reach
// it, nothing in startup, shutdown and offline code. What makes the call
// reject (the API or the throw it reaches) is in the SARIF result property
// nestlint/rejects.
//
// Not reported: a call that is awaited, returned, chained with .catch() or
// .then(onFulfilled, onRejected), passed to an awaited or returned
// Promise.all/race/any, passed to Promise.allSettled, stored in a variable
// or passed to another function (which may handle it); `void this.log()` of
// a function that cannot reject; a fire-and-forget function whose whole
// body is covered by try/catch; HttpService calls, which return Observables
// that do nothing until subscribed.
//
// Bad:
//
//	@Post()
//	async create(@Body() dto: CreateOrderDto) {
//	  const order = await this.orders.create(dto);
//	  this.audit.record('order.created', order.id); // async, awaits a repository save
//	  return order;
//	}
//
// Good:
//
//	@Post()
//	async create(@Body() dto: CreateOrderDto) {
//	  const order = await this.orders.create(dto);
//	  this.audit.record('order.created', order.id).catch((err) => this.logger.warn(err));
//	  return order;
//	}
package floatingpromise
