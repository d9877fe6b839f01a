package cache

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/nestlint/nestlint/internal/gen/genproject"
	"github.com/nestlint/nestlint/parser"
)

// BenchmarkLoadPack: reading back and decoding the facts pack of a
// generated project (NESTLINT_BENCH_MODULES modules, 100 by default), what
// a warm run after an edit waits for before its model is built.
//
//	NESTLINT_BENCH_MODULES=1000 go test -run '^$' -bench LoadPack -benchmem ./internal/cache/
func BenchmarkLoadPack(b *testing.B) {
	n := 100
	if v, err := strconv.Atoi(os.Getenv("NESTLINT_BENCH_MODULES")); err == nil && v > 0 {
		n = v
	}
	dir := b.TempDir()
	if _, err := genproject.Generate(dir, n, 1); err != nil {
		b.Fatal(err)
	}
	var paths []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(p) == ".ts" {
			paths = append(paths, p)
		}
		return nil
	})
	root := b.TempDir()
	d, err := Open(root, "bench")
	if err != nil {
		b.Fatal(err)
	}
	r := parser.Parse(context.Background(), paths, parser.Options{Cache: d})
	if err := d.Close(); err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(root, packName))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ReportMetric(float64(len(r.Files)), "files")
	r = nil
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, err := Open(root, "bench")
		if err != nil {
			b.Fatal(err)
		}
		d.ensure()
		if d.bad != "" || len(d.entries) == 0 {
			b.Fatalf("pack not loaded: %q, %d entries", d.bad, len(d.entries))
		}
	}
}
