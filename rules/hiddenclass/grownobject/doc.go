// grownobject: object literal grown property by property
//
// V8 describes an object's layout with a hidden class. An object created as
// `{}` (or a small literal) and then given new properties one at a time,
// `const r: any = {}; r.id = u.id; r.name = u.name;`, walks through a new
// hidden class for every added property, and objects built along different
// orders or branches end up with different shapes, so the code that reads
// them becomes polymorphic. The same happens when a class instance gets
// undeclared properties after construction through `(this as any).x = ...`
// or `Object.defineProperty(this, ...)`. On the request path the finding is
// a warning (with the path from the entry point), elsewhere a note; offline
// code is not reported. Objects used as dictionaries are not reported: typed
// `Record<string, T>`, an index signature `{ [k: string]: T }` or a Map, or
// filled with computed keys (`r[key] = v`, `r[field.name] = v`); nor objects
// built with a spread, whose keys are unknown; nor `(this as any).x` in the
// constructor, where every instance takes the same path.
//
// Keys added inside a callback of the creating function count too
// (`lines.forEach((l) => { patch.total = ... })`), and a literal cast to a
// dictionary type (`{} as Record<string, unknown>`) is a dictionary. A copy
// made with a spread and then shrunk with delete (`const c = { ...entity };
// delete c.raw;`, typical of a repository's save) is reported here rather
// than by hidden-class/delete: leave the key out while copying, `const {
// raw, ...c } = entity`. The worker path counts as the request path: the
// processor of a BullMQ `new Worker(queue, processor)` and the
// eachMessage/eachBatch handlers of a KafkaJS consumer.run run once per job
// or message, like @Processor/@Process/@EventPattern handlers; so do the
// execute/handle methods of @nestjs/cqrs @CommandHandler, @QueryHandler and
// @EventsHandler classes, the use cases behind a command bus.
//
// Bad:
//
//	toResponse(u: User) {
//	  const r: any = {};
//	  r.id = u.id;
//	  r.name = u.name;
//	  if (u.admin) r.role = 'admin';
//	  return r;
//	}
//
// Good:
//
//	toResponse(u: User) {
//	  return { id: u.id, name: u.name, role: u.admin ? 'admin' : undefined };
//	}
package grownobject
