package nest_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/nestlint/nestlint/internal/gen/genproject"
	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
)

// BenchmarkBuild times nest.Build alone on a generated project of 200
// feature modules, parsed once outside the timer.
func BenchmarkBuild(b *testing.B) {
	dir := b.TempDir()
	st, err := genproject.Generate(dir, 200, 1)
	if err != nil {
		b.Fatal(err)
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	d, err := parser.Discover([]string{dir})
	if err != nil {
		b.Fatal(err)
	}
	res := parser.Parse(context.Background(), d.Files, parser.Options{})
	if len(res.Files) == 0 {
		b.Fatal("the generated project has no files")
	}
	b.ReportAllocs()
	var m *nest.Model
	for b.Loop() {
		m = nest.Build(res.Files, nest.Options{Root: dir})
	}
	b.StopTimer()
	b.ReportMetric(float64(len(res.Files)), "files")
	b.ReportMetric(float64(st.Lines), "lines")
	if len(m.Modules) < 200 || len(m.Entries()) == 0 {
		b.Fatalf("the model of the generated project has %d modules and %d entry points", len(m.Modules), len(m.Entries()))
	}
}
