package rules_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/internal/docgen"
	"github.com/nestlint/nestlint/rules"
)

func TestRegistry(t *testing.T) {
	all := rules.All()
	var as []*analysis.Analyzer
	ids := map[string]bool{}
	for i, r := range all {
		as = append(as, r.Analyzer)
		if ids[r.ID] {
			t.Errorf("duplicate id %s", r.ID)
		}
		ids[r.ID] = true
		if i > 0 && all[i-1].ID >= r.ID {
			t.Errorf("rules not sorted by id: %s before %s", all[i-1].ID, r.ID)
		}
		if r.Doc.Title == "" || r.Since == "" || r.SARIFName == "" || r.SARIFName == r.ID || r.Precision == "" {
			t.Errorf("%s: incomplete metadata %+v", r.ID, r.Meta)
		}
		if len(r.Tags) == 0 || len(r.Tags) > 10 {
			t.Errorf("%s: 1-10 tags required", r.ID)
		}
		if r.Security() && r.SecuritySeverity == "" {
			t.Errorf("%s: security rule without security-severity", r.ID)
		}
		if _, err := os.Stat(filepath.Join(filepath.FromSlash(r.Dir()), "testdata", "src")); err != nil {
			t.Errorf("%s: no testdata directory: %v", r.ID, err)
		}
	}
	if err := analysis.Validate(as); err != nil {
		t.Fatal(err)
	}
	// Names are package directories and analyzer names: unique, and the
	// analyzer is called by the rule's name.
	names := map[string]string{}
	for _, r := range all {
		if other, dup := names[r.Name]; dup {
			t.Errorf("%s and %s share the name %q", other, r.ID, r.Name)
		}
		names[r.Name] = r.ID
		if r.Analyzer.Name != r.Name {
			t.Errorf("%s: analyzer %q, want the rule name %q", r.ID, r.Analyzer.Name, r.Name)
		}
	}
}

// TestDocsCurrent fails when docs/rules is stale: run `go generate ./...`.
func TestDocsCurrent(t *testing.T) {
	for name, want := range docgen.Files(rules.All()) {
		got, err := os.ReadFile(filepath.Join("..", "docs", "rules", name))
		if err != nil || string(got) != string(want) {
			t.Errorf("docs/rules/%s is not current: run `go generate ./...`", name)
		}
	}
	entries, _ := filepath.Glob(filepath.Join("..", "docs", "rules", "*", "*.md"))
	for _, e := range entries {
		rel, _ := filepath.Rel(filepath.Join("..", "docs", "rules"), e)
		if _, ok := docgen.Files(rules.All())[rel]; !ok && !strings.HasPrefix(filepath.Base(e), "_") {
			t.Errorf("docs/rules/%s documents no registered rule", filepath.ToSlash(rel))
		}
	}
}
