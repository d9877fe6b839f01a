package nest_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/lint"
)

// callNamed returns the file and call index of the first call whose
// callee path is path in the file ending in file.
func callNamed(t *testing.T, m *nest.Model, file, path string) (nest.FileID, nest.CallID) {
	t.Helper()
	for fi, f := range m.AllFiles() {
		if !strings.HasSuffix(filepath.ToSlash(f.Path), "/"+file) {
			continue
		}
		for ci, c := range f.Facts.Calls {
			if strings.Join(c.Path, ".") == path {
				return fi, nest.CallID(ci)
			}
		}
	}
	t.Fatalf("no call %s in %s", path, file)
	return -1, -1
}

func TestResolvedCallees(t *testing.T) {
	t.Parallel()
	m := load(t, "resolved")
	cases := []struct {
		file, call string
		is         string
		want       bool
	}{
		{"main.ts", "quit", "process.exit", true},                  // imported under an alias from node:process
		{"drain.ts", "process.exit", "process.exit", true},         // the global
		{"jobs.service.ts", "process.exit", "process.exit", false}, // a local object shadows the global
		{"jobs.service.ts", "slurp", "fs.readFileSync", true},
		{"main.ts", "process.addListener", "process.addListener", true},
	}
	for _, tc := range cases {
		fi, ci := callNamed(t, m, tc.file, tc.call)
		if got := m.CallIs(fi, ci, tc.is); got != tc.want {
			t.Errorf("%s: CallIs(%s, %q) = %v, want %v (callee %+v)", tc.file, tc.call, tc.is, got, tc.want, m.ResolveCallee(fi, ci))
		}
	}
}

func TestSignalHandlersFoundOnce(t *testing.T) {
	t.Parallel()
	m := load(t, "resolved")
	var got []string
	for _, h := range m.SignalHandlers {
		label := "?"
		if h.Handler.Index >= 0 {
			label = m.Label(h.Handler)
		}
		got = append(got, h.Method+" "+h.Signal+" "+label)
	}
	want := []string{"addListener SIGTERM bootstrap.<callback>", "once SIGINT drain"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("signal handlers = %q, want %q (uncaughtException is not a signal)", got, want)
	}
	// process.exit in a timer started by the handler is inside the handler.
	fi, ci := callNamed(t, m, "drain.ts", "process.exit")
	fr := nest.FuncRef{File: fi, Index: nest.FuncID(m.Files[fi].Facts.Calls[ci].Func)}
	if !m.InSignalHandler(fr) {
		t.Errorf("%s is not seen inside the SIGINT handler; ancestors %v", m.Label(fr), m.Ancestors(fr))
	}
	fi, ci = callNamed(t, m, "jobs.service.ts", "process.exit")
	if m.InSignalHandler(nest.FuncRef{File: fi, Index: nest.FuncID(m.Files[fi].Facts.Calls[ci].Func)}) {
		t.Error("JobsService.load is not a signal handler")
	}
}

func TestPolicyMessages(t *testing.T) {
	t.Parallel()
	m := load(t, "resolved")
	f := nest.Finding{Func: fn(t, m, "JobsService.load"), What: "`fs.readFileSync` blocks the event loop", Fix: "use `fs.promises.readFile`"}
	cases := map[nest.Context]string{
		nest.Request: "`fs.readFileSync` blocks the event loop on the request path; use `fs.promises.readFile`",
		nest.Unknown: "`fs.readFileSync` blocks the event loop in `JobsService.load` (no known entry point); use `fs.promises.readFile`",
		nest.Startup: "`fs.readFileSync` blocks the event loop in `JobsService.load` (startup code); use `fs.promises.readFile`",
	}
	for c, want := range cases {
		if got := m.Message(f, c); got != want {
			t.Errorf("%s:\n got %s\nwant %s", c, got, want)
		}
	}
	p := nest.DefaultPolicy
	if p.For(nest.Request) != lint.Error || p.For(nest.Unknown) != lint.Warning || p.For(nest.Startup) != lint.Off || p.For(nest.Offline) != lint.Off {
		t.Errorf("DefaultPolicy = %+v", p)
	}
	if pl := m.Place(f.Func); pl.Context != nest.Unknown || pl.Path != nil {
		t.Errorf("Place(JobsService.load) = %+v, want unknown without a path", pl)
	}
}

// TestBuildLeavesFactsAlone: the model never writes the parser's facts
// (decorators imported under an alias are renamed on a copy), and the
// result does not depend on Jobs.
func TestBuildLeavesFactsAlone(t *testing.T) {
	t.Parallel()
	dir, _ := filepath.Abs(filepath.Join("testdata", "src", "resolved"))
	d, err := parser.Discover([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	res := parser.Parse(context.Background(), d.Files, parser.Options{Jobs: 1})
	before := make([]parser.Facts, len(res.Files))
	for i, f := range res.Files {
		before[i] = deepCopy(t, f.Facts)
	}
	m1 := nest.Build(res.Files, nest.Options{Root: dir, Jobs: 1})
	m4 := nest.Build(res.Files, nest.Options{Root: dir, Jobs: 4})
	for i, f := range res.Files {
		if !reflect.DeepEqual(*f.Facts, before[i]) {
			t.Errorf("%s: Build changed the parser's facts", f.Path)
		}
	}
	// the model sees the exported name of the aliased decorator
	svc := -1
	for fi, f := range m1.Files {
		if strings.HasSuffix(f.Path, "jobs.service.ts") {
			svc = fi
		}
	}
	if got := m1.Files[svc].Facts.Classes[0].Decorators[0].Name; got != "Injectable" {
		t.Errorf("model decorator = %q, want Injectable", got)
	}
	var g1, g4 strings.Builder
	if err := m1.WriteGraph(&g1, "text", filepath.Base); err != nil {
		t.Fatal(err)
	}
	if err := m4.WriteGraph(&g4, "text", filepath.Base); err != nil {
		t.Fatal(err)
	}
	if g1.String() != g4.String() {
		t.Errorf("graph differs between Jobs 1 and 4:\n%s\n---\n%s", g1.String(), g4.String())
	}
}

func deepCopy(t *testing.T, f *parser.Facts) parser.Facts {
	t.Helper()
	var out parser.Facts
	b, err := jsonMarshal(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := jsonUnmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

var (
	jsonMarshal   = json.Marshal
	jsonUnmarshal = json.Unmarshal
)
