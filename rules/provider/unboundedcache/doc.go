// unboundedcache: long-lived collection grows per request and is never pruned
//
// A Map, Set, array or plain object held in a field of a singleton provider
// or controller, or at module level, lives as long as the process. When
// request code adds to it (set, add, push, unshift, obj[key] = value,
// counters keyed by user or IP) and nothing ever removes entries, memory
// grows with every distinct key until the heap limit kills the process, and
// garbage collection pauses lengthen long before that. nestlint reports the
// collection's declaration, with each growth site in request context as a
// related location and the request path of the first one, when no code in
// the class (for a field) or in the project (for a module-level variable)
// removes from it: delete, clear, splice, shift, pop, the delete operator,
// reassignment outside the constructor or initializer, or length = 0; and
// when no size check (.size or .length read where the insert happens)
// bounds it. WeakMap, WeakSet, lru-cache and cache-manager stores are not
// reported. A module-level collection that grows without removal is
// reported here and not by provider/module-state, which covers the other
// mutations of module-level state.
//
// Gateways and services are the usual places: a Map keyed by socket id,
// user id or token set in handleConnection or a login handler and never
// deleted in handleDisconnect or logout; an array pushed per connection;
// a plain object used as a counter keyed by dynamic keys
// (this.counts[key]++), also one level down (this.stats.byRoute[route]++,
// bounded by delete this.stats.byRoute[route] or a reset
// this.stats.byRoute = {}). A removal that only runs at shutdown
// (onModuleDestroy clears the map) or once in a constructor or
// onModuleInit does not bound the collection; one in a method a timer or a
// listener calls (a setInterval sweep) does. A collection filled in a
// gateway's handleConnection is bounded only by a removal in
// handleDisconnect (or in a listener or timer callback, such as
// client.on('disconnect', ...)): one in a 'leave' message handler misses
// every client that just disconnects. Fields of a project base
// class of a singleton provider (an abstract BaseCache, or the class
// expression a mixin such as CachedRepository('users') returns) and
// classes declared in a factory function (a gateway per namespace listed
// as providers: [createNamespaceGateway('rooms')]) count as singleton
// fields too.
//
// Bad:
//
//	@Injectable()
//	export class RatesService {
//	  private cache = new Map<string, Rate>();
//
//	  async rate(currency: string) {
//	    if (!this.cache.has(currency)) this.cache.set(currency, await this.api.fetch(currency));
//	    return this.cache.get(currency); // every key ever asked for stays forever
//	  }
//	}
//
// Good:
//
//	import { LRUCache } from 'lru-cache';
//
//	@Injectable()
//	export class RatesService {
//	  private cache = new LRUCache<string, Rate>({ max: 500, ttl: 60_000 });
//	}
//
// Or use @nestjs/cache-manager (CacheModule.register({ ttl, max })), or
// remove entries explicitly (delete after use, clear on a schedule).
package unboundedcache
