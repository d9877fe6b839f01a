// queueretention: queue jobs are never removed from redis
//
// Bull and BullMQ keep every completed and failed job in Redis unless told
// otherwise. A queue that sends an email per order keeps every order's
// job hash, data and return value forever: Redis memory grows with traffic
// until it hits maxmemory, then writes fail (or keys are evicted, including
// the locks and waiting jobs of live queues) and every producer and worker
// goes down with it. Dashboards and `getJobs()` slow down long before that.
//
// nestlint reports `queue.add(...)` and `queue.addBulk(...)` on a Bull or
// BullMQ queue (injected with @InjectQueue, or created with `new Queue`)
// when removeOnComplete is set nowhere in the chain that applies to the job:
// the call's options, the `defaultJobOptions` of the queue
// (`new Queue(name, { defaultJobOptions })`, `BullModule.registerQueue`
// or `registerQueueAsync` for that queue name) or of
// `BullModule.forRoot`/`forRootAsync`. Queue names and options are followed
// through constants and spreads imported from other files. The message also
// says when removeOnFail is missing. It is a warning wherever the job is
// added, except in offline code.
//
// Not reported: a chain with any part nestlint cannot read (options from a
// parameter or a function call, a registerQueueAsync with useClass, a
// registerQueue whose name is computed), `removeOnComplete` given as a
// number or `{ age, count }`, and queues whose failed jobs alone are kept
// (keeping failures for inspection is a deliberate choice).
//
// Bad:
//
//	BullModule.registerQueue({ name: 'emails' });
//
//	await this.emails.add('welcome', { userId });
//
// Good:
//
//	BullModule.registerQueue({
//	  name: 'emails',
//	  defaultJobOptions: { removeOnComplete: { age: 3600, count: 1000 }, removeOnFail: { age: 86400 } },
//	});
//
//	await this.emails.add('welcome', { userId });
package queueretention
