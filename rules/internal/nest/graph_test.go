package nest_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/graph")

func TestWriteGraph(t *testing.T) {
	t.Parallel()
	const fixture = "scopes"
	m := load(t, fixture)
	root := filepath.Dir(m.Files[0].Path)
	for !strings.HasSuffix(root, string(filepath.Separator)+fixture) {
		root = filepath.Dir(root)
	}
	rel := func(p string) string {
		r, err := filepath.Rel(root, p)
		if err != nil {
			return p
		}
		return filepath.ToSlash(r)
	}
	for _, format := range []string{"text", "dot", "mermaid"} {
		t.Run(format, func(t *testing.T) {
			var a, b bytes.Buffer
			if err := m.WriteGraph(&a, format, rel); err != nil {
				t.Fatal(err)
			}
			// a fresh model of the same project writes the same bytes
			if err := load(t, fixture).WriteGraph(&b, format, rel); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Fatalf("output is not deterministic:\n%s\n---\n%s", a.String(), b.String())
			}
			golden := filepath.Join("testdata", "graph", fixture+"."+format+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, a.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(a.Bytes(), want) {
				t.Errorf("%s differs from %s (run go test -update after checking):\n%s", format, golden, a.String())
			}
		})
	}
}

func TestWriteGraphUnknownFormat(t *testing.T) {
	t.Parallel()
	m := load(t, "di3")
	var buf bytes.Buffer
	err := m.WriteGraph(&buf, "svg", nil)
	if err == nil || !strings.Contains(err.Error(), `unknown graph format "svg"`) {
		t.Fatalf("WriteGraph(svg) = %v, want an unknown format error", err)
	}
}

func TestWriteGraphText(t *testing.T) {
	t.Parallel()
	m := load(t, "scopes")
	root := filepath.Dir(filepath.Dir(m.Files[0].Path)) // testdata/src/scopes
	rel := func(p string) string { r, _ := filepath.Rel(root, p); return r }
	var buf bytes.Buffer
	if err := m.WriteGraph(&buf, "text", rel); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"  AuditService       request    (injects TenantContext (request-scoped))\n",
		"  ClockService       singleton\n",
		"  IdGenerator        transient  (declared Scope.TRANSIENT)\n",
		"  TenantModule (global)  ",
		"  ReportsController.get          src/reports.controller.ts:9     @Get()\n",
		"  NestFactory.create  src/main.ts:5  in bootstrap  app app  calls listen\n",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("text graph lacks %q:\n%s", want, buf.String())
		}
	}
}
