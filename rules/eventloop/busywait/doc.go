// busywait: a loop spins on the clock and blocks the event loop
//
// The event loop runs in phases (timers, pending callbacks, poll for I/O,
// check for setImmediate, close callbacks), and each phase runs its
// callbacks to completion on the one JavaScript thread: a callback that
// blocks keeps every later phase, and so every other request, waiting.
//
// A loop such as `while (Date.now() < deadline) {}` never yields: the event
// loop cannot run timers, I/O callbacks or other requests until the time is
// up, so a "sleep" of 200 ms on one request stalls every request for 200 ms.
// Atomics.wait blocks the calling thread the same way and belongs only in
// worker threads. nestlint reports loops whose condition reads Date.now(),
// new Date() (without an argument), performance.now(), process.hrtime(),
// moment() or dayjs() (without an argument) or DateTime.now() and whose body
// never awaits, and Atomics.wait in files that do not use
// worker_threads. A loop that steps what it compares the clock against (the
// operands of the comparison or comparing call around the clock read) is an
// iteration, not a wait, and is not reported: `while (isBefore(current, new
// Date())) { ...; current = addDays(current, 1) }`, `d.setDate(...)`,
// `cursor.add(1, 'day')` or `i++` in the body or the for increment; `new Date(end)` copies a date and reads
// no clock. On the
// request path the finding is an error with the path from the entry point;
// elsewhere it is a warning; offline code (tests, scripts) is not reported.
//
// Bad:
//
//	async retry() {
//	  const until = Date.now() + 200;
//	  while (Date.now() < until) {} // spins for 200 ms, nothing else runs
//	  return this.call();
//	}
//
// Good:
//
//	import { setTimeout as sleep } from 'node:timers/promises';
//
//	async retry() {
//	  await sleep(200); // other requests run meanwhile
//	  return this.call();
//	}
package busywait
