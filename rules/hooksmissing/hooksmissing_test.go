package hooksmissing_test

import (
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/hooksmissing"
	"github.com/nestlint/nestlint/rules/lint"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), hooksmissing.Rule,
		"plain", "helper", "sigterm", "addlistener", "seed", "hybrid", "microservice", "context")
}

// TestFix applies each finding's suggested fix and compares the result
// with main.ts.golden.
func TestFix(t *testing.T) {
	for _, c := range []string{"plain", "microservice"} {
		t.Run(c, func(t *testing.T) {
			dir := filepath.Join(checkertest.TestData(), "src", c)
			path := filepath.Join(dir, "src", "main.ts")
			_, res := checkertest.RunCase(t, dir, []*lint.Rule{hooksmissing.Rule}, checkertest.Options{})
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			type edit struct {
				off  int
				text string
			}
			var edits []edit
			for _, f := range res.Findings {
				if len(f.Diagnostic.SuggestedFixes) != 1 {
					t.Fatalf("want one fix, got %d", len(f.Diagnostic.SuggestedFixes))
				}
				fix := f.Diagnostic.SuggestedFixes[0]
				if fix.Message == "" {
					t.Error("fix without message")
				}
				for _, e := range fix.TextEdits {
					p := res.Parse.Fset.Position(e.Pos)
					if p.Filename != path || e.End != e.Pos {
						t.Fatalf("unexpected edit at %v", p)
					}
					edits = append(edits, edit{p.Offset, string(e.NewText)})
				}
			}
			if len(edits) != 1 {
				t.Fatalf("want one edit, got %d", len(edits))
			}
			sort.Slice(edits, func(i, j int) bool { return edits[i].off > edits[j].off })
			out := string(src)
			for _, e := range edits {
				out = out[:e.off] + e.text + out[e.off:]
			}
			golden, err := os.ReadFile(path + ".golden")
			if err != nil {
				t.Fatal(err)
			}
			if out != string(golden) {
				t.Errorf("fixed source differs from golden:\n%s", out)
			}
		})
	}
}
