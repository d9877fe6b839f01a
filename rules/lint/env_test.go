package lint

import (
	"context"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestGuardStopsWhenCancelled (issue 13 item 15): once the run's context
// is cancelled, Guard skips the per-file work of every rule.
func TestGuardStopsWhenCancelled(t *testing.T) {
	env := NewEnv(nil)
	ctx, cancel := context.WithCancel(context.Background())
	env.Ctx = ctx
	pass := &analysis.Pass{Analyzer: &analysis.Analyzer{Name: "x"}, ResultOf: map[*analysis.Analyzer]any{EnvAnalyzer: env}}
	ran := 0
	Guard(pass, "a.ts", func() { ran++ })
	cancel()
	Guard(pass, "b.ts", func() { ran++ })
	if ran != 1 {
		t.Errorf("ran %d times, want 1 (before the cancel only)", ran)
	}
}
