package nest_test

import (
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/internal/nest"
)

func TestContextOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fixture, label string
		want           nest.Context
		why            string // substring of EntryWhy, when an entry point
	}{
		// DI across three files
		{"di3", "UsersController.findOne", nest.Request, "@Get()"},
		{"di3", "UsersService.findOne", nest.Request, ""},
		{"di3", "UsersRepository.loadRow", nest.Request, ""},
		{"di3", "UsersService.constructor", nest.Startup, ""},
		{"di3", "users.module.ts:top level of users.module.ts", nest.Startup, ""},
		// tsconfig paths, extends chain, barrel
		{"paths", "formatUser", nest.Request, ""},
		{"extends", "OrdersService.place", nest.Request, ""},
		{"extends", "priceOf", nest.Request, ""},
		{"barrel", "UsersService.count", nest.Request, ""},
		{"barrel", "UsersRepository.save", nest.Request, ""},
		// custom provider behind an interface
		{"provider", "StripePayments.charge", nest.Request, ""},
		// scope bubbling
		{"scopes", "TenantContext.constructor", nest.Request, "constructor of a request-scoped provider (injects REQUEST)"},
		{"scopes", "AuditService.constructor", nest.Request, "injects TenantContext (request-scoped)"},
		{"scopes", "ReportsService.constructor", nest.Request, "injects AuditService (request-scoped)"},
		{"scopes", "ClockService.constructor", nest.Startup, ""},
		{"scopes", "ClockService.now", nest.Unknown, ""},
		{"scopes", "IdGenerator.next", nest.Request, ""},
		// entry kinds
		{"app", "AuthGuard.canActivate", nest.Request, "CanActivate.canActivate"},
		{"app", "checkToken", nest.Request, ""},
		{"app", "LoggingInterceptor.intercept", nest.Request, "NestInterceptor.intercept"},
		{"app", "ParseIdPipe.transform", nest.Request, "PipeTransform.transform"},
		{"app", "HttpErrorFilter.catch", nest.Request, "exception filter"},
		{"app", "requestId", nest.Request, "middleware"},   // consumer.apply(requestId)
		{"app", "corsHeaders", nest.Request, "middleware"}, // app.use(corsHeaders) in main.ts
		{"app", "CleanupJob.purge", nest.Request, "@Cron()"},
		{"app", "CleanupJob.onUserCreated", nest.Request, "@OnEvent()"},
		{"app", "MailConsumer.send", nest.Request, "@Process()"},
		{"app", "VideoWorker.process", nest.Request, "BullMQ worker process()"},
		{"app", "transcode", nest.Request, ""},
		{"app", "RecipesResolver.recipes", nest.Request, "@Query()"},
		{"app", "RecipesResolver.author", nest.Request, "@ResolveField()"},
		{"app", "ChatGateway.onMessage", nest.Request, "@SubscribeMessage()"},
		{"app", "ChatGateway.handleConnection", nest.Request, "gateway handleConnection"},
		{"app", "MathController.sum", nest.Request, "@MessagePattern()"},
		{"app", "user.decorator.ts:<anonymous>", nest.Request, "param decorator factory"},
		{"app", "RequestLogger.constructor", nest.Request, "constructor of a request-scoped provider (declared Scope.REQUEST)"},
		{"app", "buildPrefix", nest.Request, ""},
		// arr.map(x => this.helper(x))
		{"app", "AppService.list.<callback>", nest.Request, ""},
		{"app", "AppService.decorate", nest.Request, ""},
		// reachable from a handler and from onModuleInit: request wins
		{"app", "AppService.warm", nest.Request, ""},
		// startup
		{"app", "app.module.ts:top level of app.module.ts", nest.Startup, ""},
		{"app", "computeBootTime", nest.Startup, ""},
		{"app", "main.ts:bootstrap", nest.Startup, ""},
		{"app", "AppService.onModuleInit", nest.Startup, ""},
		{"app", "openConnection", nest.Startup, ""}, // called from a useFactory
		{"app", "AppModule.configure", nest.Startup, ""},
		{"app", "database.config.ts:<anonymous>", nest.Startup, ""}, // registerAs factory
		{"app", "readHost", nest.Startup, ""},
		// shutdown
		{"app", "AppService.onModuleDestroy", nest.Shutdown, ""},
		{"app", "AppService.flush", nest.Shutdown, ""},
		// offline
		{"app", "app.service.spec.ts:top level of app.service.spec.ts", nest.Offline, ""},
		{"app", "AppService.resetForTests", nest.Offline, ""}, // only the spec calls it
		{"app", "SeedCommand.run", nest.Offline, ""},
		{"app", "insertFixtures", nest.Offline, ""},
		// unknown
		{"app", "unusedHelper", nest.Unknown, ""},
		// a closure returned from a useFactory runs per request
		{"app", "useFactory.<callback>", nest.Request, "callback returned by a provider factory"},
		{"app", "formatValue", nest.Request, ""},
		// monorepo: both apps
		{"mono", "PostsController.create", nest.Request, "@Post()"},
		{"mono", "IndexerController.index", nest.Request, "@EventPattern()"},
		{"mono", "slugify", nest.Request, ""},
		{"mono", "apps/api/src/main.ts:bootstrap", nest.Startup, ""},
		{"mono", "apps/worker/src/main.ts:bootstrap", nest.Startup, ""},
	}
	models := map[string]*nest.Model{}
	for _, tt := range tests {
		t.Run(tt.fixture+"/"+tt.label, func(t *testing.T) {
			m := models[tt.fixture]
			if m == nil {
				m = load(t, tt.fixture)
				models[tt.fixture] = m
			}
			r := fn(t, m, tt.label)
			if got := m.ContextOf(r); got != tt.want {
				t.Errorf("ContextOf(%s) = %s, want %s (path %v)", tt.label, got, tt.want, labels(m, m.PathTo(r)))
			}
			why := m.EntryWhy(r)
			if tt.why == "" {
				if why != "" && tt.want == nest.Request {
					t.Errorf("EntryWhy(%s) = %q, want not an entry point", tt.label, why)
				}
			} else if !strings.Contains(why, tt.why) {
				t.Errorf("EntryWhy(%s) = %q, want it to contain %q", tt.label, why, tt.why)
			}
			if p := m.PathTo(r); (p != nil) != (tt.want == nest.Request) {
				t.Errorf("PathTo(%s) = %v for context %s", tt.label, labels(m, p), tt.want)
			}
		})
	}
}

func TestUseFactoryIsStartup(t *testing.T) {
	t.Parallel()
	m := load(t, "app")
	var n int
	for _, mod := range m.Modules {
		for _, p := range mod.Providers {
			if p.Factory == nil {
				continue
			}
			n++
			if got := m.ContextOf(*p.Factory); got != nest.Startup {
				t.Errorf("useFactory of %s: %s, want startup", p.Token, got)
			}
		}
	}
	if n != 2 {
		t.Errorf("found %d factories, want 2", n)
	}
}

func TestPathTo(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fixture, label string
		want           []string
	}{
		{"di3", "UsersRepository.loadRow", []string{"UsersController.findOne", "UsersService.findOne", "UsersRepository.loadRow"}},
		{"paths", "formatUser", []string{"UsersController.list", "UsersController.list.<callback>", "formatUser"}},
		{"extends", "priceOf", []string{"OrdersController.create", "OrdersService.place", "priceOf"}},
		{"provider", "StripePayments.charge", []string{"CheckoutController.pay", "CheckoutService.pay", "StripePayments.charge"}},
		{"app", "AppService.decorate", []string{"AppController.list", "AppService.list", "AppService.list.<callback>", "AppService.decorate"}},
		{"app", "AppService.warm", []string{"AppController.list", "AppService.list", "AppService.warm"}},
		{"app", "corsHeaders", []string{"corsHeaders"}},
		{"app", "formatValue", []string{"useFactory.<callback>", "formatValue"}},
		{"mono", "slugify", []string{"PostsController.create", "slugify"}},
		{"forwardref", "UsersService.owner", []string{"OrdersController.place", "OrdersService.place", "UsersService.owner"}},
		{"app", "AppService.onModuleInit", nil},
		{"app", "unusedHelper", nil},
	}
	for _, tt := range tests {
		t.Run(tt.fixture+"/"+tt.label, func(t *testing.T) {
			m := load(t, tt.fixture)
			r := fn(t, m, tt.label)
			path := m.PathTo(r)
			if got := labels(m, path); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("PathTo(%s) = %q, want %q", tt.label, got, tt.want)
			}
			if len(path) == 0 {
				return
			}
			if last := path[len(path)-1].Func; last != r {
				t.Errorf("path ends at %s, want %s", m.Label(last), tt.label)
			}
			// every step after the entry point names a call site inside the previous function
			for i := 1; i < len(path); i++ {
				prev := m.Func(path[i-1].Func)
				s := path[i]
				if s.SiteFile != path[i-1].Func.File || prev == nil || s.Site.Start < prev.Span.Start || s.Site.End > prev.Span.End {
					t.Errorf("step %d (%s): site %v is not inside %s", i, m.Label(s.Func), s.Site, m.Label(path[i-1].Func))
				}
			}
			if steps := m.StepsFor(path); len(steps) != len(path) {
				t.Errorf("StepsFor: %d steps, want %d", len(steps), len(path))
			}
		})
	}
}

func TestScopeOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fixture, class string
		want           nest.Scope
		reason         string
	}{
		{"scopes", "TenantContext", nest.RequestScoped, "injects REQUEST"},
		{"scopes", "AuditService", nest.RequestScoped, "injects TenantContext (request-scoped)"},
		{"scopes", "ReportsService", nest.RequestScoped, "injects AuditService (request-scoped)"},
		{"scopes", "ReportsController", nest.RequestScoped, "injects ReportsService (request-scoped)"},
		// a transient dependency does not bubble
		{"scopes", "IdGenerator", nest.Transient, "declared Scope.TRANSIENT"},
		{"scopes", "ClockService", nest.Default, "default scope (singleton)"},
		{"app", "RequestLogger", nest.RequestScoped, "declared Scope.REQUEST"},
		{"app", "AppController", nest.RequestScoped, "injects RequestLogger (request-scoped)"},
		{"app", "AppService", nest.Default, "default scope (singleton)"},
		{"provider", "StripePayments", nest.Default, "default scope (singleton)"},
	}
	for _, tt := range tests {
		t.Run(tt.fixture+"/"+tt.class, func(t *testing.T) {
			m := load(t, tt.fixture)
			sc, reason := m.ScopeOf(class(t, m, tt.class))
			if sc != tt.want || reason != tt.reason {
				t.Errorf("ScopeOf(%s) = %s %q, want %s %q", tt.class, sc, reason, tt.want, tt.reason)
			}
		})
	}
}

func TestResolveCallee(t *testing.T) {
	t.Parallel()
	tests := []struct {
		fixture, file, call string // call: the dotted callee path
		want                []string
		external            string
	}{
		{"di3", "users.controller.ts", "this.users.findOne", []string{"UsersService.findOne"}, ""},
		{"di3", "users.service.ts", "this.repo.loadRow", []string{"UsersRepository.loadRow"}, ""},
		{"paths", "users.controller.ts", "formatUser", []string{"formatUser"}, ""},
		{"extends", "orders.controller.ts", "this.orders.place", []string{"OrdersService.place"}, ""},
		{"extends", "orders.service.ts", "priceOf", []string{"priceOf"}, ""},
		{"barrel", "app.controller.ts", "this.users.count", []string{"UsersService.count"}, ""},
		{"barrel", "app.controller.ts", "this.repo.save", []string{"UsersRepository.save"}, ""},
		{"provider", "checkout.service.ts", "this.payments.charge", []string{"StripePayments.charge"}, ""},
		{"app", "app.service.ts", "this.decorate", []string{"AppService.decorate"}, ""},
		{"app", "app.service.spec.ts", "svc.resetForTests", []string{"AppService.resetForTests"}, ""},
		{"app", "main.ts", "NestFactory.create", nil, "@nestjs/core.NestFactory.create"},
		{"app", "database.config.ts", "registerAs", nil, "@nestjs/config.registerAs"},
		{"mono", "posts.controller.ts", "slugify", []string{"slugify"}, ""},
		{"mono", "indexer.controller.ts", "slugify", []string{"slugify"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.fixture+"/"+tt.file+"/"+tt.call, func(t *testing.T) {
			m := load(t, tt.fixture)
			found := false
			for fi, f := range m.AllFiles() {
				if filepath.Base(f.Path) != tt.file {
					continue
				}
				for ci, c := range f.Facts.Calls {
					if strings.Join(c.Path, ".") != tt.call {
						continue
					}
					found = true
					callee := m.ResolveCallee(fi, nest.CallID(ci))
					var got []string
					for _, r := range callee.Funcs {
						got = append(got, m.Label(r))
					}
					if !reflect.DeepEqual(got, tt.want) || callee.External != tt.external {
						t.Errorf("ResolveCallee(%s) = %q %q, want %q %q", tt.call, got, callee.External, tt.want, tt.external)
					}
				}
			}
			if !found {
				t.Fatalf("no call %s in %s", tt.call, tt.file)
			}
		})
	}
}

func TestMonorepoEntriesAndBootstraps(t *testing.T) {
	t.Parallel()
	m := load(t, "mono")
	var entries []string
	for _, r := range m.Entries() {
		entries = append(entries, m.Label(r)+" "+m.EntryWhy(r))
	}
	want := []string{"PostsController.create @Post()", "IndexerController.index @EventPattern()"}
	if !reflect.DeepEqual(entries, want) {
		t.Errorf("Entries = %q, want %q", entries, want)
	}
	var boots []string
	for _, b := range m.Bootstraps {
		path := filepath.ToSlash(m.Files[b.File].Path)
		path = path[strings.Index(path, "/mono/")+len("/mono/"):]
		boots = append(boots, path+" "+m.Label(nest.FuncRef{File: b.File, Index: b.Func})+" "+b.Method+" "+b.AppVar)
	}
	wantBoots := []string{"apps/api/src/main.ts bootstrap create app", "apps/worker/src/main.ts bootstrap createMicroservice app"}
	if !reflect.DeepEqual(boots, wantBoots) {
		t.Errorf("Bootstraps = %q, want %q", boots, wantBoots)
	}
}

func TestBootstrapAppUses(t *testing.T) {
	t.Parallel()
	m := load(t, "app")
	if len(m.Bootstraps) != 1 {
		t.Fatalf("bootstraps = %d", len(m.Bootstraps))
	}
	b := m.Bootstraps[0]
	if got := strings.Join(b.AppCalls, ","); got != "use,listen" {
		t.Errorf("AppCalls = %q, want use,listen", got)
	}
	if len(b.PassedTo) != 0 {
		t.Errorf("PassedTo = %v, want none", b.PassedTo)
	}
	// the app handed to a helper in another file
	h := load(t, filepath.Join("..", "..", "..", "..", "shutdown", "hooksmissing", "testdata", "src", "helper"))
	if len(h.Bootstraps) != 1 || len(h.Bootstraps[0].PassedTo) != 1 || h.Label(h.Bootstraps[0].PassedTo[0]) != "configureApp" {
		t.Errorf("PassedTo = %+v, want configureApp", h.Bootstraps)
	}
}

func TestDynamicModuleProviders(t *testing.T) {
	t.Parallel()
	m := load(t, "dynamic")
	if len(m.Modules) != 1 {
		t.Fatalf("modules = %d", len(m.Modules))
	}
	var got []string
	for _, p := range m.Modules[0].Providers {
		name := p.Token
		if p.Class != nil {
			name = m.Classes[*p.Class].Name
		}
		got = append(got, name)
	}
	if strings.Join(got, ",") != "S:MAIL_OPTIONS,MailService" {
		t.Errorf("providers of MailModule.forRoot = %q", got)
	}
	for _, info := range m.Classes {
		if info.Name == "MailService" && !info.Provided {
			t.Errorf("MailService is provided by the dynamic module")
		}
	}
}

func TestAliasedDecorator(t *testing.T) {
	t.Parallel()
	m := load(t, "app")
	for _, info := range m.Classes {
		if info.Name == "MailConsumer" && !info.Is("Processor") {
			t.Errorf("@BullProcessor (Processor imported under an alias) not recognised: kinds %v", info.Kinds)
		}
	}
}

func TestModules(t *testing.T) {
	t.Parallel()
	m := load(t, "scopes")
	got := map[string][]string{}
	for _, mod := range m.Modules {
		name := m.Classes[mod.Class].Name
		var items []string
		for _, p := range mod.Providers {
			items = append(items, "provider "+m.Classes[*p.Class].Name)
		}
		for _, c := range mod.Controllers {
			items = append(items, "controller "+m.Classes[c].Name)
		}
		for _, i := range mod.Imports {
			items = append(items, "import "+i)
		}
		if mod.Global {
			items = append(items, "global")
		}
		got[name] = items
	}
	want := map[string][]string{
		"AppModule":    {"controller ReportsController", "import TenantModule", "import AuditModule"},
		"AuditModule":  {"provider AuditService", "provider ReportsService", "provider IdGenerator", "provider ClockService", "import TenantModule"},
		"TenantModule": {"provider TenantContext", "global"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Modules = %q, want %q", got, want)
	}
}

// TestModuleListSpreads: module lists written as spreads of array
// constants (`providers: [...USE_CASES]`, here or imported) or as a name
// (`controllers: CONTROLLERS`) give their elements.
func TestModuleListSpreads(t *testing.T) {
	t.Parallel()
	m := load(t, "spread")
	if len(m.Modules) != 1 {
		t.Fatalf("%d modules, want 1", len(m.Modules))
	}
	mod := m.Modules[0]
	var providers []string
	for _, p := range mod.Providers {
		if p.Class == nil {
			t.Errorf("provider %q without a class", p.Token)
			continue
		}
		providers = append(providers, m.Classes[*p.Class].Name+" "+p.Scope.String())
	}
	wantProviders := []string{"CreateOrder singleton", "CancelOrder singleton", "TenantLookup request"}
	if !reflect.DeepEqual(providers, wantProviders) {
		t.Errorf("providers = %q, want %q", providers, wantProviders)
	}
	var controllers []string
	for _, c := range mod.Controllers {
		controllers = append(controllers, m.Classes[c].Name)
	}
	if !reflect.DeepEqual(controllers, []string{"OrdersController"}) {
		t.Errorf("controllers = %q, want [OrdersController]", controllers)
	}
	if want := []string{"CreateOrder", "CancelOrder"}; !reflect.DeepEqual(mod.Exports, want) {
		t.Errorf("exports = %q, want %q", mod.Exports, want)
	}
	if sc := m.Classes[class(t, m, "TenantLookup")].Scope; sc != nest.RequestScoped {
		t.Errorf("TenantLookup scope = %v, want request (provided with scope REQUEST)", sc)
	}
}

func TestFactoryClasses(t *testing.T) {
	t.Parallel()
	m := load(t, "factoryclasses")
	var stores, mixins []*nest.ClassInfo
	for _, ref := range sortedRefs(m) {
		info := m.Classes[ref]
		switch info.Name {
		case "Store":
			stores = append(stores, info)
		case "":
			mixins = append(mixins, info)
		}
	}
	if len(stores) != 1 || !stores[0].Provided {
		t.Fatalf("Store (declared in createStore, listed through ChatStore and useClass) should be provided: %+v", stores)
	}
	if len(mixins) != 1 {
		t.Fatalf("want 1 class expression, got %d", len(mixins))
	}
	users := m.Classes[class(t, m, "UsersRepository")]
	if users.Base == nil || m.Classes[*users.Base] != mixins[0] {
		t.Errorf("UsersRepository's base should be the class Cached returns, got %v", users.Base)
	}
	if got := m.ClassName(*users.Base); got != "class in Cached" {
		t.Errorf("ClassName of the class expression = %q, want %q", got, "class in Cached")
	}
	fn(t, m, "class in Cached.remember") // its method is labelled after it
	if !mixins[0].BaseOfSingleton {
		t.Errorf("the mixin class should be marked as the base of a singleton")
	}
	if !m.Classes[class(t, m, "BaseRepo")].BaseOfSingleton {
		t.Errorf("BaseRepo should be marked as the base of a singleton")
	}
	unused := m.Classes[class(t, m, "Unused")]
	if unused.Base == nil {
		t.Errorf("Unused extends Cached('unused'): base not resolved")
	}
	if m.Classes[class(t, m, "Unused")].Provided {
		t.Errorf("Unused is not listed in any module")
	}
	// providers: [...extraProviders], the array in another file
	if !m.Classes[class(t, m, "SpreadService")].Provided {
		t.Errorf("SpreadService, listed through a spread array, should be provided")
	}
	factories := map[string]bool{}
	for _, mod := range m.Modules {
		for _, p := range mod.Providers {
			if p.Factory != nil {
				factories[p.Token] = true
			}
		}
	}
	if !factories["S:EXTRA"] {
		t.Errorf("the EXTRA factory provider of the spread array is missing")
	}
	if !factories["S:REDIS"] {
		t.Errorf("the REDIS factory provider returned by createRedisProvider() is missing")
	}
}

func sortedRefs(m *nest.Model) []nest.ClassRef {
	var out []nest.ClassRef
	for r := range m.Classes {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		return out[i].Index < out[j].Index
	})
	return out
}

func TestContainerGet(t *testing.T) {
	t.Parallel()
	m := load(t, "containerget")
	for label, want := range map[string]nest.Context{
		"Indexer.init":    nest.Startup, // app.get(Indexer).init()
		"Indexer.connect": nest.Startup,
		"Warmup.run":      nest.Startup, // const warmup = app.get(Warmup); warmup.run()
		"Indexer.reindex": nest.Unknown,
	} {
		if got := m.ContextOf(fn(t, m, label)); got != want {
			t.Errorf("%s: context %v, want %v", label, got, want)
		}
	}
}

// Code that runs once while Nest builds the module graph is startup, from
// wherever its module metadata or provider object is written.
func TestStartupBuilders(t *testing.T) {
	t.Parallel()
	m := load(t, "startup")
	for _, tt := range []struct {
		label string
		want  nest.Context
	}{
		{"buildTypeOrmConfig", nest.Startup},                 // TypeOrmModule.forRoot(buildTypeOrmConfig())
		{"AppConfig.typeOrmOptions", nest.Startup},           // forRoot(appConfig.typeOrmOptions()), appConfig = new AppConfig()
		{"redisOptionsFactory", nest.Startup},                // registerAsync({ useFactory: importedFn })
		{"app.module.ts:useFactory", nest.Startup},           // forRootAsync({ useFactory: () => ... })
		{"loadTemplates", nest.Startup},                      // called from that factory
		{"JwtOptionsService.createJwtOptions", nest.Startup}, // registerAsync({ useClass })
		{"SamlStrategy.constructor", nest.Startup},           // new SamlStrategy() in register({...})
		{"RotatingFileTransport.constructor", nest.Startup},  // new X() in forRoot({ transports })
		{"configuration.ts:<anonymous>", nest.Startup},       // ConfigModule.forRoot({ load: [configuration] }), a default export
		{"validateEnv", nest.Startup},                        // ConfigModule.forRoot({ validate })
		{"UploadsController.check", nest.Request},
		{"UploadsController.load", nest.Request},  // arr.map(this.load.bind(this))
		{"UploadsController.touch", nest.Request}, // arr.forEach(this.touch), an arrow field
		{"isSymlink", nest.Request},               // arr.filter(fsUtils.isSymlink), a namespace import
		// the worker path: handlers run once per message
		{"EventsConsumer.onMessage", nest.Request}, // consumer.run({ eachMessage: this.onMessage.bind(this) })
		{"decode", nest.Request},
		{"processMail", nest.Request}, // new Worker('mail', processMail) from bullmq
		{"EventsConsumer.onModuleInit", nest.Startup},
		// @nestjs/cqrs handlers (class decorators): execute/handle per message
		{"CancelOrderHandler.execute", nest.Request},
		{"OrderCancelledHandler.handle", nest.Request},
	} {
		if got := m.ContextOf(fn(t, m, tt.label)); got != tt.want {
			t.Errorf("ContextOf(%s) = %s, want %s", tt.label, got, tt.want)
		}
	}
	// provider objects kept in a variable: the singleton's factory is
	// startup, the request-scoped one's is not
	var got []nest.Context
	for fi, f := range m.AllFiles() {
		if filepath.Base(f.Path) != "database.providers.ts" {
			continue
		}
		for i, fd := range f.Facts.Funcs {
			if fd.Name == "useFactory" {
				got = append(got, m.ContextOf(nest.FuncRef{File: fi, Index: nest.FuncID(i)}))
			}
		}
	}
	if want := []nest.Context{nest.Startup, nest.Unknown}; !reflect.DeepEqual(got, want) {
		t.Errorf("database.providers.ts factories: %v, want %v", got, want)
	}
	// callbacks passed to array methods run in the handler's context
	r := fn(t, m, "UploadsController.check")
	f := m.Files[r.File].Facts
	n := 0
	for i, fd := range f.Funcs {
		if nest.FuncID(fd.Parent) == r.Index {
			n++
			if c := m.ContextOf(nest.FuncRef{File: r.File, Index: nest.FuncID(i)}); c != nest.Request {
				t.Errorf("callback %d of check: %s", i, c)
			}
		}
	}
	if n != 3 {
		t.Errorf("%d callbacks in check, want 3", n)
	}
}
