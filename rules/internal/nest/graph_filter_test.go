package nest_test

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/internal/nest"
)

func relTo(m *nest.Model, fixture string) func(string) string {
	root := filepath.Dir(m.Files[0].Path)
	for !strings.HasSuffix(root, string(filepath.Separator)+fixture) {
		root = filepath.Dir(root)
	}
	return func(p string) string {
		r, err := filepath.Rel(root, p)
		if err != nil {
			return p
		}
		return filepath.ToSlash(r)
	}
}

func graphOut(t *testing.T, m *nest.Model, o nest.GraphOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := m.WriteGraphWith(&b, o); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// A conditional in imports names the modules of its branches; nothing
// becomes a node without a name.
func TestGraphConditionalImports(t *testing.T) {
	m := load(t, "condimports")
	var app *nest.Module
	for _, mod := range m.Modules {
		switch m.Classes[mod.Class].Name {
		case "AppModule":
			app = mod
		case "UsersModule":
			if !slices.Equal(mod.Exports, []string{"UsersService"}) {
				t.Errorf("UsersModule exports %q, want UsersService alone (the spread names nothing)", mod.Exports)
			}
		}
	}
	if app == nil {
		t.Fatal("no AppModule")
	}
	want := []string{"ConfigModule.forRoot", "UsersModule", "AdminModule", "MetricsModule"}
	if !slices.Equal(app.Imports, want) {
		t.Errorf("AppModule imports %q, want %q (extraModules() is no module)", app.Imports, want)
	}
	for _, format := range nest.GraphFormats {
		out := graphOut(t, m, nest.GraphOptions{Format: format, Depth: -1, Rel: relTo(m, "condimports")})
		if strings.Contains(out, `""`) { // dot "" and mermaid [""]
			t.Errorf("%s: a node without a name in\n%s", format, out)
		}
		if strings.Contains(out, "extraModules") {
			t.Errorf("%s: a spread call became a module:\n%s", format, out)
		}
		if format == "dot" && !strings.Contains(out, `"AppModule" -> "AdminModule" [style=bold, ltail="cluster_AppModule", lhead="cluster_AdminModule"]`) {
			t.Errorf("dot: want the conditional import edge:\n%s", out)
		}
		if format == "text" && (strings.Contains(out, ", ,") || strings.Contains(out, ", \n")) {
			t.Errorf("text: an empty import:\n%s", out)
		}
	}
}

func TestGraphFilterModule(t *testing.T) {
	m := load(t, "condimports")
	rel := relTo(m, "condimports")
	// AdminModule and its neighbours: AppModule imports it, it imports UsersModule.
	out := graphOut(t, m, nest.GraphOptions{Format: "text", Module: "AdminModule", Depth: -1, Rel: rel})
	for _, want := range []string{"  AdminModule ", "  AppModule ", "  UsersModule ", "AdminService", "UsersService"} {
		if !strings.Contains(out, want) {
			t.Errorf("want %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "MetricsModule ") || strings.Contains(out, "bootstrap") {
		t.Errorf("MetricsModule is two steps away and bootstrap is not shown when filtered:\n%s", out)
	}
	// depth 0: the module alone
	out = graphOut(t, m, nest.GraphOptions{Format: "dot", Module: "AdminModule", Depth: 0, Rel: rel})
	if !strings.Contains(out, `subgraph "cluster_AdminModule"`) || !strings.Contains(out, `"AdminService"`) {
		t.Errorf("want AdminModule's cluster:\n%s", out)
	}
	for _, gone := range []string{`"AppModule"`, `"UsersModule"`, `"UsersService"`, "-> \"UsersModule\""} {
		if strings.Contains(out, gone) {
			t.Errorf("depth 0 keeps %s:\n%s", gone, out)
		}
	}
	var b bytes.Buffer
	err := m.WriteGraphWith(&b, nest.GraphOptions{Format: "text", Module: "NopeModule", Depth: -1})
	if err == nil || !strings.Contains(err.Error(), `no module named "NopeModule"`) || !strings.Contains(err.Error(), "AdminModule, AppModule") {
		t.Errorf("unknown module: %v", err)
	}
}

func TestGraphFilterDepth(t *testing.T) {
	m := load(t, "scopes")
	rel := relTo(m, "scopes")
	out := graphOut(t, m, nest.GraphOptions{Format: "text", Depth: 0, Rel: rel})
	if !strings.Contains(out, "\n  AppModule ") || strings.Contains(out, "\n  AuditModule ") || strings.Contains(out, "\n  TenantModule ") {
		t.Errorf("depth 0 keeps the root module only:\n%s", out)
	}
	if !strings.Contains(out, "ReportsController.get") || strings.Contains(out, "AuditService") {
		t.Errorf("depth 0: the root's controller and its entry points only:\n%s", out)
	}
	out = graphOut(t, m, nest.GraphOptions{Format: "mermaid", Depth: 1, Rel: rel})
	for _, want := range []string{"AppModule", "AuditModule", "TenantModule", "AuditService"} {
		if !strings.Contains(out, want) {
			t.Errorf("depth 1 should keep %s:\n%s", want, out)
		}
	}
	// unfiltered equals WriteGraph
	var a, b bytes.Buffer
	if err := m.WriteGraph(&a, "dot", rel); err != nil {
		t.Fatal(err)
	}
	if err := m.WriteGraphWith(&b, nest.GraphOptions{Format: "dot", Depth: -1, Rel: rel}); err != nil || a.String() != b.String() {
		t.Errorf("no filter should write what WriteGraph writes (%v)", err)
	}
}

// The dot output puts each module's providers in the module's cluster
// and draws no provides/controls edges.
func TestGraphDotClusters(t *testing.T) {
	m := load(t, "scopes")
	out := graphOut(t, m, nest.GraphOptions{Format: "dot", Depth: -1, Rel: relTo(m, "scopes")})
	clusters := strings.Count(out, "subgraph \"cluster_")
	if clusters != len(m.Modules) {
		t.Errorf("%d clusters for %d modules:\n%s", clusters, len(m.Modules), out)
	}
	i := strings.Index(out, `subgraph "cluster_AuditModule"`)
	end := strings.Index(out[i:], "\n  }\n")
	if i < 0 || end < 0 || !strings.Contains(out[i:i+end], `"AuditService"`) || strings.Contains(out[i:i+end], `"TenantContext"`) {
		t.Errorf("AuditModule's cluster should hold AuditService and not TenantContext:\n%s", out)
	}
	if strings.Contains(out, `label="provides"`) || strings.Contains(out, `label="controls"`) {
		t.Errorf("provides/controls edges are the clusters:\n%s", out)
	}
	if !strings.Contains(out, `"TenantContext" [label="TenantContext\nrequest", shape=box, color="#d81b60"`) {
		t.Errorf("request-scoped providers are highlighted:\n%s", out)
	}
}
