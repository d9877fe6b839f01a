package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/eventloop/syncio"
	"github.com/nestlint/nestlint/rules/lint"
)

// TestInterruptInRulePhase (issue 13 item 15): Ctrl-C during a rule that
// never looks at the context (a long loop) stops the run at once with
// exit 130 and no output, instead of running on and exiting 0.
func TestInterruptInRulePhase(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	started := make(chan struct{}, 1)
	busy := lint.NewRule(lint.Meta{ID: "test/busy", Name: "busy", Severity: lint.Error}, testRuleDoc("busy"),
		func(pass *analysis.Pass) (any, error) {
			started <- struct{}{}
			<-release // a loop that ignores the context
			return nil, nil
		}, parser.Analyzer)
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"cats.controller.ts": requestOnlyTS})
	ctx, cancel := context.WithCancel(context.Background())
	var out, errb bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- runWith(ctx, []string{dir}, []*lint.Rule{syncio.Rule, busy}, &out, &errb) }()
	select {
	case <-started:
	case <-time.After(30 * time.Second):
		t.Fatal("the rule never started")
	}
	cancel()
	select {
	case code := <-done:
		if code != exitInterrupted || !strings.Contains(errb.String(), "nestlint: interrupted") || out.Len() != 0 {
			t.Errorf("exit %d, stdout %q, stderr %q; want 130, nothing, \"interrupted\"", code, out.String(), errb.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the run ignored the interrupt")
	}
}

// TestSecondInterruptExits (issue 13 item 15): the first signal cancels
// the run, the second exits at once with 130.
func TestSecondInterruptExits(t *testing.T) {
	sigs := make(chan os.Signal, 2)
	ctx, cancel := context.WithCancel(context.Background())
	exited := make(chan int, 1)
	var errb bytes.Buffer
	go handleSignals(sigs, cancel, &errb, func(code int) { exited <- code })
	sigs <- os.Interrupt
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("first signal did not cancel")
	}
	select {
	case code := <-exited:
		t.Fatalf("exited (%d) on the first signal", code)
	case <-time.After(50 * time.Millisecond):
	}
	sigs <- os.Interrupt
	select {
	case code := <-exited:
		if code != exitInterrupted {
			t.Errorf("exit %d, want 130", code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("second signal did not exit")
	}
}

// TestInterruptBeforeWork (issue 13 item 15): an interrupt that comes
// before the walk exits 130 without linting.
func TestInterruptBeforeWork(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"cats.controller.ts": requestOnlyTS})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	if code := runWith(ctx, []string{dir}, []*lint.Rule{syncio.Rule}, &out, &errb); code != exitInterrupted || out.Len() != 0 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
}
