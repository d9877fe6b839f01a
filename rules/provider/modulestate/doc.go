// modulestate: module-level state mutated per request
//
// A module-level let, or a module-level object, array, Map or Set, lives
// once per Node.js process, outside Nest's dependency injection. When
// request code changes it (reassigns the let, stores a property or a key,
// pushes, sets, adds or deletes), the value carries over from one request
// to the next and from one user to another. Worse, it silently diverges as
// soon as the app scales out: every PM2 cluster worker, every container
// replica keeps its own copy, so a counter, a feature flag or a session
// list set by one request is invisible to the next request served by a
// different process. nestlint reports the module-level declaration when any
// mutation of it runs in request context, in any file (an exported
// variable imported and mutated by a handler elsewhere counts), with the
// mutation sites as related locations and the request path of the first.
// A lazy memo set once to the same value for every request is bounded and
// not reported: client ??= create(), if (!client) client = create(),
// if (typeof key === 'undefined') ..., cert ?? (cert = readFileSync(...)),
// ca = ca || read(), and if (!loaded) { jwks = await fetch(...); loaded = true }.
// The value must not come from the request; a parameter typed as
// configuration (ConfigService, ...Config, ...Options) is not request data
// here. A memo filled from a request parameter (the first tenant's key
// served to every tenant) is still reported.
// A module-level Map, Set, array or object that only grows and is never
// pruned is reported by provider/unbounded-cache instead, not here; this
// rule covers let reassignments (including counters) and every other
// mutation of module-level objects and collections.
//
// Bad:
//
//	let activeTenant: string;
//
//	@Controller('orders')
//	export class OrdersController {
//	  @Get()
//	  list(@Headers('x-tenant') tenant: string) {
//	    activeTenant = tenant; // shared by all requests, and different in every worker
//	    return this.orders.list(activeTenant);
//	  }
//	}
//
// Good:
//
//	@Controller('orders')
//	export class OrdersController {
//	  @Get()
//	  list(@Headers('x-tenant') tenant: string) {
//	    return this.orders.list(tenant); // pass it along, or use nestjs-cls
//	  }
//	}
//
// State that must be shared between requests and processes belongs in
// Redis or a database; per-request state belongs in a request-scoped
// provider or an AsyncLocalStorage store such as nestjs-cls.
package modulestate
