package parser

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestScratchReuseGivesTheSameFacts: the facts a parse worker extracts
// while it reuses its lists from file to file (large files and small ones
// in turn, .ts and .tsx) are those of a fresh extraction of each file, and
// none of them shares a list with the worker's scratch.
func TestScratchReuseGivesTheSameFacts(t *testing.T) {
	t.Parallel()
	paths := fixturePaths(t)
	workers := map[bool]*cworker{false: newCWorker(false), true: newCWorker(true)}
	defer workers[false].free()
	defer workers[true].free()
	var buf []Node
	var facts []*Facts
	for round := range 2 { // the second round meets every list already grown
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			var got parsed
			got, buf = ParseSource(p, src, workers[filepath.Ext(p) == ".tsx"], buf)
			if got.file == nil {
				continue
			}
			_, want, err := ParseBytes(p, src)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.file.Facts, want) {
				t.Fatalf("round %d, %s: facts extracted with the worker's scratch differ from a fresh extraction", round, p)
			}
			facts = append(facts, got.file.Facts)
		}
	}
	// No facts hold a scratch array: the worker's next file would write
	// into it.
	for _, w := range workers {
		if w.sc == nil {
			continue
		}
		k := &w.sc.f
		for _, f := range facts {
			if sameArray(f.Calls, k.Calls) || sameArray(f.Funcs, k.Funcs) || sameArray(f.Imports, k.Imports) ||
				sameArray(f.Locals, k.Locals) || sameArray(f.Classes, k.Classes) || sameArray(f.Returns, k.Returns) {
				t.Fatal("facts share a list with the worker's scratch")
			}
		}
	}
}

func sameArray[T any](a, b []T) bool {
	return cap(a) > 0 && cap(b) > 0 && &a[:1][0] == &b[:1][0]
}
