package parser_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/internal/gen/genproject"
	"github.com/nestlint/nestlint/parser"
)

// brokenOnPurpose lists the TypeScript fixtures that are not valid
// TypeScript on purpose (paths from the repository root). A fixture whose
// name holds ".broken." (a.broken.ts) is skipped too: use that for new ones.
var brokenOnPurpose = map[string]string{
	"report/testdata/lines/cr-only.ts": "a decorator with no class: tests line ends, not syntax",
}

func isTS(p string) bool {
	switch filepath.Ext(p) {
	case ".ts", ".tsx", ".mts", ".cts":
		return true
	}
	return false
}

// assertParses fails on every ERROR or MISSING node of the file at p.
func assertParses(t *testing.T, p, name string) {
	t.Helper()
	src, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	_, f, err := parser.ParseBytes(p, src)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	if f.ErrorOffset >= 0 {
		line := strings.Count(string(src[:f.ErrorOffset]), "\n") + 1
		t.Errorf("%s:%d: syntax error (ERROR/MISSING node) in a fixture that should be valid TypeScript: %q",
			name, line, src[f.ErrorOffset:min(len(src), f.ErrorOffset+40)])
	}
}

// TestSyntaxErrorBudget parses every TypeScript fixture under a testdata
// folder of the repository, and a generated project, and allows no syntax
// error: a grammar change that breaks valid code fails here.
func TestSyntaxErrorBudget(t *testing.T) {
	t.Parallel()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	seenAllow := map[string]bool{}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, root+string(filepath.Separator)))
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && p != root || d.Name() == "node_modules" {
				return filepath.SkipDir
			}
			return nil
		}
		if !isTS(p) || !strings.Contains("/"+rel, "/testdata/") {
			return nil
		}
		if _, ok := brokenOnPurpose[rel]; ok {
			seenAllow[rel] = true
			return nil
		}
		if strings.Contains(filepath.Base(p), ".broken.") {
			return nil
		}
		n++
		assertParses(t, p, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Errorf("only %d fixtures found under testdata folders", n)
	}
	for rel := range brokenOnPurpose {
		if !seenAllow[rel] {
			t.Errorf("%s is listed as broken on purpose but does not exist: drop it from the list", rel)
		}
	}

	dir := t.TempDir()
	if _, err := genproject.Generate(dir, 12, 1); err != nil {
		t.Fatal(err)
	}
	gen := 0
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isTS(p) {
			return err
		}
		gen++
		rel, _ := filepath.Rel(dir, p)
		assertParses(t, p, "generated/"+filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if gen == 0 {
		t.Error("the generated project has no TypeScript file")
	}
	t.Logf("%d fixtures and %d generated files parse without a syntax error", n, gen)
}
