package report

// ModuleGraph is what the HTML report draws of a project's NestJS
// structure: plain data, filled by the caller from the project model (the
// report package knows nothing of the model).
type ModuleGraph struct {
	Modules []GraphModule `json:"modules"`
	// Entries are the entry points (route handlers, consumers, cron jobs)
	// that belong to no module's controllers.
	Entries []GraphEntry `json:"entries"`
}

// GraphModule is one @Module class.
type GraphModule struct {
	Name   string `json:"name"`
	File   string `json:"file"`
	Line   int    `json:"line"`
	Global bool   `json:"global,omitempty"`
	// Imports are the names of the imported modules: project modules by
	// their Name, others as written (ConfigModule.forRoot).
	Imports     []string        `json:"imports"`
	Controllers []GraphProvider `json:"controllers"`
	Providers   []GraphProvider `json:"providers"`
	Exports     []string        `json:"exports"`
	// Entries are the entry points of the module's controllers.
	Entries []GraphEntry `json:"entries"`
}

// GraphProvider is a provider or a controller of a module.
type GraphProvider struct {
	Name string `json:"name"`
	// Scope is "singleton", "request" or "transient"; Why says why when it
	// is not the default ("injects TenantContext (request-scoped)").
	Scope string   `json:"scope"`
	Why   string   `json:"why,omitempty"`
	Deps  []string `json:"deps"` // names of the injected dependencies
}

// GraphEntry is an entry point.
type GraphEntry struct {
	Label string `json:"label"` // UsersController.findAll
	File  string `json:"file"`
	Line  int    `json:"line"`
	Why   string `json:"why"` // @Get(), @Cron(), ...
}
