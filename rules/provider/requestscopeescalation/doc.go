// requestscopeescalation: request scope reaches code that has no request
//
// In NestJS a provider that injects REQUEST, or is declared with
// `scope: Scope.REQUEST`, makes every provider that injects it
// request-scoped too, all the way up ("scope bubbling"). One
// `@Inject(REQUEST)` added to a tenant helper can silently change classes
// that never see a request: @nestjs/schedule skips the @Cron, @Interval and
// @Timeout jobs of non-static providers (the job just never runs), Nest
// calls no lifecycle hooks on request-scoped instances (onModuleInit stops
// running), WebSocket gateways and Passport strategies must be singletons,
// and queue processors and @OnEvent listeners get a new instance for every
// job or event with the job or payload injected as REQUEST. And a
// controller that bubbles into request scope is rebuilt, with its whole
// chain, on every request to every one of its routes.
//
// nestlint reports, with the class the request scope comes from in the
// message and the whole injection chain that makes the class request-scoped
// in the SARIF result property nestlint/scopeChain (across files, through
// custom providers and tokens): a
// @Cron/@Interval/@Timeout method of a request-scoped class (error), a
// lifecycle hook of one (error), a request-scoped gateway or Passport
// strategy (error), a request-scoped queue processor or @OnEvent listener
// (warning), `moduleRef.get(X)` of a request-scoped or transient X, which
// throws at run time (error), and, as a note, a controller that serves at
// least `minRoutes` routes (default 3) and is request-scoped only by
// bubbling.
//
// Not reported: request-scoped services used only from controllers,
// resolvers, guards and other request code (that is what request scope is
// for), a controller declared request-scoped on purpose, transient
// providers, and classes in offline code.
//
// Bad:
//
//	@Injectable()
//	export class TenantContext {
//	  constructor(@Inject(REQUEST) private readonly req: Request) {}
//	}
//
//	@Injectable()
//	export class BillingService {
//	  constructor(private readonly tenant: TenantContext) {} // now request-scoped
//
//	  @Cron('0 3 * * *')
//	  async closeInvoices() {} // never runs
//	}
//
// Good:
//
//	@Injectable()
//	export class BillingJobs {
//	  constructor(private readonly moduleRef: ModuleRef) {}
//
//	  @Cron('0 3 * * *')
//	  async closeInvoices() {
//	    const contextId = ContextIdFactory.create();
//	    const billing = await this.moduleRef.resolve(BillingService, contextId);
//	    await billing.closeAll();
//	  }
//	}
package requestscopeescalation
