package pipeline

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/nestlint/nestlint/parser"
)

// TestProgramsWalkOnce checks that the programs a request's walk did not
// cover are discovered in one walk over all of them, skipping the
// requested folders, and that a request covering every program walks
// nothing more.
func TestProgramsWalkOnce(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{".git/HEAD", "a/package.json", "a/src/x.ts", "a/src/y.ts",
		"b/package.json", "b/src/z.ts", "b/src/w.ts", "c/package.json", "c/src/v.ts"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("{}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir, _ = filepath.EvalSymlinks(dir)
	abs := func(rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }
	type call struct{ roots, skip []string }
	run := func(paths ...string) ([]program, []call) {
		var calls []call
		disc, err := parser.Discover(paths)
		if err != nil {
			t.Fatal(err)
		}
		progs := programs(request(paths), disc, func(roots, skip []string) (*parser.Discovery, error) {
			calls = append(calls, call{slices.Clone(roots), slices.Clone(skip)})
			return discoverAll(roots, skip)
		}, false)
		return progs, calls
	}

	// a file of a and the src folder of b: both programs need the rest
	progs, calls := run(abs("a/src/x.ts"), abs("b/src"))
	if len(calls) != 1 {
		t.Fatalf("%d discovery walks for the rest of the programs, want 1: %v", len(calls), calls)
	}
	if !slices.Equal(calls[0].roots, []string{abs("a"), abs("b")}) || !slices.Equal(calls[0].skip, []string{abs("b/src")}) {
		t.Errorf("walk of %v skipping %v", calls[0].roots, calls[0].skip)
	}
	want := map[string][]string{
		abs("a"): {abs("a/src/x.ts"), abs("a/src/y.ts")},
		abs("b"): {abs("b/src/w.ts"), abs("b/src/z.ts")},
	}
	if len(progs) != len(want) {
		t.Fatalf("programs %v", progs)
	}
	for _, p := range progs {
		if !slices.Equal(p.files, want[p.root]) {
			t.Errorf("program %s: files %v, want %v", p.root, p.files, want[p.root])
		}
	}

	// the top folder covers every program: no second walk
	progs, calls = run(dir)
	if len(calls) != 0 || len(progs) != 3 {
		t.Errorf("whole tree: %d more walks, %d programs; want 0 and 3", len(calls), len(progs))
	}
}
