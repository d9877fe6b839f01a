package checker

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/lint"
)

func schedDoc(name string) string {
	return "// " + name + ": a rule of the scheduler test\n//\n// It exists to test the scheduler.\n//\n// Bad:\n//\n//\tx\n//\n// Good:\n//\n//\ty\npackage " + name + "\n"
}

// TestConcurrentAnalyzers runs rules that sleep for different times over a
// shared building block: each rule sees the block's result, rules run at
// the same time (the slowest do not wait for each other), findings come in
// the same order on every run whatever finishes first, and a rule whose
// requirement failed is skipped with a tool error.
func TestConcurrentAnalyzers(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.ts")
	if err := os.WriteFile(file, []byte("export const a = 1;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var running, most atomic.Int32
	block := &analysis.Analyzer{Name: "block", Doc: "block", Requires: []*analysis.Analyzer{parser.Analyzer},
		ResultType: reflect.TypeOf(0), Run: func(*analysis.Pass) (any, error) { return 42, nil }}
	broken := &analysis.Analyzer{Name: "broken", Doc: "broken", ResultType: reflect.TypeOf(0),
		Run: func(*analysis.Pass) (any, error) { return nil, errors.New("broken on purpose") }}
	var rules []*lint.Rule
	for i, d := range []time.Duration{40, 5, 25, 0} {
		name := fmt.Sprintf("sleepy%d", i)
		rules = append(rules, lint.NewRule(lint.Meta{ID: "test/" + name, Name: name, Severity: lint.Warning}, schedDoc(name),
			func(pass *analysis.Pass) (any, error) {
				n := running.Add(1)
				for {
					m := most.Load()
					if n <= m || most.CompareAndSwap(m, n) {
						break
					}
				}
				time.Sleep(d * time.Millisecond)
				running.Add(-1)
				f := parser.Of(pass).Files[0]
				lint.Report(pass, lint.Warning, f.Pos(0), f.Pos(1), fmt.Sprintf("%s saw %d", name, pass.ResultOf[block]))
				return nil, nil
			}, parser.Analyzer, block))
	}
	rules = append(rules, lint.NewRule(lint.Meta{ID: "test/dependent", Name: "dependent", Severity: lint.Warning}, schedDoc("dependent"),
		func(pass *analysis.Pass) (any, error) {
			t.Error("a rule whose requirement failed ran")
			return nil, nil
		}, parser.Analyzer, broken))
	var first string
	for run := 0; run < 5; run++ {
		res, err := Run(context.Background(), []string{file}, nil, rules, Options{Jobs: 4, Settings: &lint.Settings{Jobs: 4}})
		if err != nil {
			t.Fatal(err)
		}
		var msgs []string
		for _, f := range res.Findings {
			msgs = append(msgs, f.Diagnostic.Message)
		}
		got := strings.Join(msgs, "; ")
		if want := "sleepy0 saw 42; sleepy1 saw 42; sleepy2 saw 42; sleepy3 saw 42"; got != want {
			t.Fatalf("findings = %q, want %q", got, want)
		}
		if first == "" {
			first = got
		}
		var errs []string
		for _, e := range res.Errors {
			errs = append(errs, e.Analyzer+": "+e.Message)
		}
		if want := "broken: broken on purpose; dependent: skipped: an analyzer it requires failed"; strings.Join(errs, "; ") != want {
			t.Errorf("tool errors = %q, want %q", strings.Join(errs, "; "), want)
		}
	}
	if most.Load() < 2 {
		t.Errorf("at most %d rules ran at once with 4 jobs", most.Load())
	}
}
