package parser

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestParseOrder: the largest files first, ties in path order, and the
// files the cache knows by key last without a stat (one of them is
// missing: a stat would not matter, but none is made).
func TestParseOrder(t *testing.T) {
	dir := t.TempDir()
	sizes := map[string]int{"a.ts": 10, "b.ts": 3000, "c.ts": 10, "d.ts": 500, "e.ts": 90000}
	var paths []string
	for _, name := range []string{"a.ts", "b.ts", "c.ts", "d.ts", "e.ts", "gone.ts"} {
		p := filepath.Join(dir, name)
		paths = append(paths, p)
		if n, ok := sizes[name]; ok {
			if err := os.WriteFile(p, []byte(strings.Repeat("x", n)), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	known := func(p string) (string, bool) {
		return "k", filepath.Base(p) == "e.ts" || filepath.Base(p) == "gone.ts"
	}
	var got []string
	for _, i := range parseOrder(paths, known, 2) {
		got = append(got, filepath.Base(paths[i]))
	}
	want := []string{"b.ts", "d.ts", "a.ts", "c.ts", "e.ts", "gone.ts"}
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
	// No more files than workers: as given.
	if o := parseOrder(paths[:2], nil, 2); !slices.Equal(o, []int{0, 1}) {
		t.Errorf("two files, two workers: %v", o)
	}
}
