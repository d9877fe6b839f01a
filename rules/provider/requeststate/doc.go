// requeststate: singleton provider stores request data in a field
//
// Providers and controllers are singletons by default: Nest builds one
// instance and every request, from every user, shares it. A method that
// runs per request and writes request data into an instance field
// (this.currentUser = user, this.tenantId = req.headers['x-tenant'],
// this.lastDto = body) races with every other request in flight: while one
// request awaits the database, another overwrites the field, and the first
// one reads the second user's data. This is a data leak between users.
// nestlint reports a write to this.<field> in a singleton class (after scope
// bubbling: a class that injects REQUEST or a request-scoped provider is
// request-scoped and is not reported, a transient dependency does not
// bubble) when the write runs in request context and the value is derived
// from the request: a parameter decorated with @Req, @Body, @Param, @Query,
// @Headers, @Session, @Ip, @Args, @Context, @Payload, @MessageBody or a
// custom createParamDecorator decorator, context.switchToHttp().getRequest(),
// an AsyncLocalStorage store (als.getStore(), this.cls.get(...)), or any
// parameter of the request-path method, followed through locals and calls.
// A callback's parameter is request data only when the call it is passed to
// reads request data: in this.repo.findOne(id).then((u) => ...) u derives
// from id, in items.forEach((x) => ...) x from items, but the value of
// firstValueFrom(this.http.get(url)).then((res) => ...) in a version or
// config reload that an admin endpoint can also trigger is the same for
// every user and is not reported. The write can sit in a helper called
// from a controller in another file; the finding carries the path from the
// entry point. Counters
// (this.hits++), lazy initialization of a value not taken from the request
// (this.client ??= create()), writes at startup (constructor, onModuleInit)
// and mutations of Maps and Sets (see provider/unbounded-cache) are not
// reported.
//
// Bad:
//
//	@Injectable()
//	export class AuditService {
//	  private currentUser: User;
//
//	  track(user: User, action: string) {
//	    this.currentUser = user; // another request may overwrite it before the await returns
//	    return this.repo.save({ userId: this.currentUser.id, action });
//	  }
//	}
//
// Good:
//
//	@Injectable()
//	export class AuditService {
//	  track(user: User, action: string) {
//	    return this.repo.save({ userId: user.id, action }); // keep it local or pass it on
//	  }
//	}
//
// When the state must follow the request through many services, use a
// request-scoped provider (@Injectable({ scope: Scope.REQUEST })) or an
// AsyncLocalStorage store such as nestjs-cls.
package requeststate
