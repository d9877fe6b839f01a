package nest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/nestlint/nestlint/parser"
)

// dump writes what rules read from a model: every function's label,
// context, edges and path, the entry points, the scope and the module
// graph, so that two models can be compared.
func dump(t *testing.T, m *Model) string {
	t.Helper()
	var b strings.Builder
	for fi, f := range m.AllFiles() {
		fmt.Fprintf(&b, "file %s offline=%v scope=%v imports=%v\n", filepath.Base(f.Path), m.IsOffline(fi), m.InScope(fi), m.FileImports(fi))
		for i := -1; i < len(f.Facts.Funcs); i++ {
			r := FuncRef{File: fi, Index: FuncID(i)}
			fmt.Fprintf(&b, "  %s ctx=%v why=%q", m.Label(r), m.ContextOf(r), m.EntryWhy(r))
			for _, e := range m.Edges(r) {
				fmt.Fprintf(&b, " ->%s", m.Label(e))
			}
			for _, s := range m.PathTo(r) {
				fmt.Fprintf(&b, " @%s:%d-%d", m.Label(s.Func), s.Site.Start, s.Site.End)
			}
			b.WriteString("\n")
		}
		for ci := range CallID(len(f.Facts.Calls)) {
			c := m.ResolveCallee(fi, ci)
			fmt.Fprintf(&b, "  call %d %s %s %s", ci, c.External, c.Module, c.Global)
			for _, r := range c.Funcs {
				fmt.Fprintf(&b, " ->%s", m.Label(r))
			}
			b.WriteString("\n")
		}
	}
	for _, e := range m.Entries() {
		fmt.Fprintf(&b, "entry %s\n", m.Label(e))
	}
	g, err := json.Marshal(m.GraphData(nil))
	if err != nil {
		t.Fatal(err)
	}
	b.Write(g)
	sr := m.ScopeResult()
	fmt.Fprintf(&b, "\nscope %v %v\n", sr.OutOfScope, sr.Groups)
	return b.String()
}

// parseFixture parses the fixture project testdata/src/<name>.
func parseFixture(t *testing.T, name string) (string, *parser.Result) {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "src", name))
	if err != nil {
		t.Fatal(err)
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	d, err := parser.Discover([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	return dir, parser.Parse(context.Background(), d.Files, parser.Options{Jobs: 2})
}

// TestBuildReuse edits one file of a project and builds the model again
// from the earlier model (Options.Reuse): the result must be the model a
// fresh build gives, with the index of every other file taken over.
func TestBuildReuse(t *testing.T) {
	dir, res := parseFixture(t, "app")
	opts := Options{Root: dir}
	first := Build(res.Files, opts)

	ctrl := filepath.Join(dir, "src", "app.controller.ts")
	src, err := os.ReadFile(ctrl)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, from, to string }{
		// The edit removes the controller's call into the service: the
		// service method leaves the request path.
		{"call removed", "this.app.list(", "[].concat("},
		// Positions shift in the file: path sites must follow.
		{"lines added", "@Controller", "// a\n// b\n@Controller"},
		{"unchanged", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			edited := string(src)
			if tc.from != "" {
				if !strings.Contains(edited, tc.from) {
					t.Fatalf("the fixture has no %q", tc.from)
				}
				edited = strings.Replace(edited, tc.from, tc.to, 1)
			}
			files := append([]*parser.File(nil), res.Files...)
			changed := -1
			for i, f := range files {
				if f.Path == ctrl {
					nf, prob := parser.ParseFile(ctrl, []byte(edited), 0, nil)
					if nf == nil {
						t.Fatalf("parse: %v", prob)
					}
					files[i], changed = nf, i
				}
			}
			if changed < 0 {
				t.Fatal("the controller is not among the parsed files")
			}
			fresh := Build(files, opts)
			o := opts
			o.Reuse = first
			reused := Build(files, o)
			if got, want := dump(t, reused), dump(t, fresh); got != want {
				t.Errorf("the reused build differs from a fresh one:\n--- reused\n%s\n--- fresh\n%s", got, want)
			}
			if tc.from != "" && dump(t, fresh) == dump(t, first) {
				t.Errorf("the edit %q changes nothing in the model: the test proves nothing", tc.name)
			}
			for i := range files {
				same := reused.syms[i] == first.syms[i]
				if i == changed && same {
					t.Errorf("the edited file's index was reused")
				}
				if i != changed && !same {
					t.Errorf("%s was indexed again", files[i].Path)
				}
			}
		})
	}

	// Another set of files (one file fewer) is not reused.
	o := opts
	o.Reuse = first
	m := Build(res.Files[1:], o)
	for i := range m.syms {
		if m.syms[i] == first.syms[i+1] {
			t.Fatalf("a build of other files reused the index of %s", m.Files[i].Path)
		}
	}
	// Other options are not reused either.
	o.EntryPoints = []string{"Handler"}
	if m := Build(res.Files, o); m.syms[0] == first.syms[0] {
		t.Fatal("a build with other entry points reused the index")
	}
}

// sameLinks compares what the reuse takes over or derives from it: every
// call's callee, the call graph, the contexts, the request-path
// predecessors, the entry points, the scope, the classes, modules and
// providers, and the class hierarchy. It names what differs, or
// returns "".
func sameLinks(a, b *Model) string {
	switch {
	case !reflect.DeepEqual(a.callees, b.callees):
		return "callees"
	case !reflect.DeepEqual(a.edges, b.edges):
		return "call graph edges"
	case !reflect.DeepEqual(a.ctx, b.ctx):
		return "contexts"
	case !reflect.DeepEqual(a.prev, b.prev):
		return "request paths"
	case !reflect.DeepEqual(a.entries, b.entries):
		return "entry points"
	case !reflect.DeepEqual(a.Bootstraps, b.Bootstraps):
		return "bootstraps"
	case !reflect.DeepEqual(a.SignalHandlers, b.SignalHandlers):
		return "signal handlers"
	case !reflect.DeepEqual(a.processFiles, b.processFiles):
		return "process files"
	case !reflect.DeepEqual(a.inScope, b.inScope):
		return "scope"
	case !reflect.DeepEqual(a.Classes, b.Classes) || !reflect.DeepEqual(a.classByKey, b.classByKey) || !reflect.DeepEqual(a.classRefs, b.classRefs):
		return "classes"
	case !reflect.DeepEqual(a.Modules, b.Modules) || !reflect.DeepEqual(a.tokens, b.tokens):
		return "modules and providers"
	case !reflect.DeepEqual(a.descendants, b.descendants) || !reflect.DeepEqual(a.implementors, b.implementors):
		return "class hierarchy"
	}
	return ""
}

// TestBuildReuseEveryLine deletes each line of each file of the fixture
// projects in turn, and swaps the class names (and scopes) a line names
// for others, and checks that a build reusing the model of the
// unedited project links as a fresh build does (sameLinks): the index of unchanged files and,
// when the edited file kept its surface (surface.go), their callees and
// edges are taken over, and must never differ from what a fresh build
// computes.
func TestBuildReuseEveryLine(t *testing.T) {
	var reusedCalls, reusedCtx atomic.Int64
	t.Cleanup(func() {
		if n := reusedCalls.Load(); n < 50 && !t.Failed() {
			t.Errorf("only %d edits kept the edited file's surface: the callee reuse is hardly tested", n)
		}
		if n := reusedCtx.Load(); n < 50 && !t.Failed() {
			t.Errorf("only %d edits kept the contexts: their reuse is hardly tested", n)
		}
	})
	for _, name := range []string{"app", "provider", "di3", "mono", "factoryclasses", "forwardref", "dynamic", "spread", "condimports", "containerget", "providerlist", "scopews"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			reuseEveryLine(t, name, &reusedCalls, &reusedCtx)
		})
	}
}

// reuseEveryLine is TestBuildReuseEveryLine on one fixture project.
func reuseEveryLine(t *testing.T, name string, reusedCalls, reusedCtx *atomic.Int64) {
	dir, res := parseFixture(t, name)
	opts := Options{Root: dir}
	first := Build(res.Files, opts)
	// The class names of the project, and words that change a scope:
	// replacing one by another on a line changes what a value, a
	// decorator argument or a provider list names.
	var names []string
	for _, f := range res.Files {
		for _, c := range f.Facts.Classes {
			if c.Name != "" && !slices.Contains(names, c.Name) {
				names = append(names, c.Name)
			}
		}
	}
	slices.Sort(names)
	swaps := map[string]string{"REQUEST": "DEFAULT", "TRANSIENT": "REQUEST", "STRIPE_PROVIDERS]": "PAYPAL_PROVIDERS]"}
	for k, n := range names {
		swaps[n] = names[(k+1)%len(names)]
	}
	for i, f := range res.Files {
		lines := strings.Split(string(f.Source()), "\n")
		var edits []string
		for l := range lines {
			code := strings.TrimSpace(lines[l])
			if strings.Trim(code, "{}()[];, ") == "" {
				continue // blank, or a bracket: a syntax error
			}
			if !strings.HasPrefix(code, "import ") {
				// (an import deleted changes the surface: never reused)
				edits = append(edits, strings.Join(append(append([]string{}, lines[:l]...), lines[l+1:]...), "\n"))
			}
			for from, to := range swaps {
				if strings.Contains(lines[l], from) {
					swapped := append([]string{}, lines...)
					swapped[l] = strings.ReplaceAll(swapped[l], from, to)
					edits = append(edits, strings.Join(swapped, "\n"))
				}
			}
		}
		for _, edited := range edits {
			nf, _ := parser.ParseFile(f.Path, []byte(edited), 0, nil)
			if nf == nil {
				continue
			}
			files := append([]*parser.File(nil), res.Files...)
			files[i] = nf
			o := opts
			o.Reuse = first
			reused := Build(files, o)
			if reused.callsFrom != nil || reused.linkedFrom && first.callsFrom != nil {
				t.Fatal("a model holds on to the model it reused: an editor session would keep every model alive")
			}
			if reused.linkedFrom {
				reusedCalls.Add(1)
			}
			if reused.ctxReused {
				reusedCtx.Add(1)
			}
			if what := sameLinks(reused, Build(files, opts)); what != "" {
				t.Fatalf("%s edited to\n%s\nthe reused build's %s differ from a fresh one's", f.Path, edited, what)
			}
			// And back: a chain of reuses (what the editor does) takes
			// lists that were themselves reused.
			o.Reuse = reused
			if what := sameLinks(Build(res.Files, o), first); what != "" {
				t.Fatalf("%s edited to\n%s\nand back: the twice reused build's %s differ from a fresh one's", f.Path, edited, what)
			}
		}
	}
}
