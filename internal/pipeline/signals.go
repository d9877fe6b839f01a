package pipeline

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/nestlint/nestlint/parser"
)

// InterruptSignals stop a run: the first cancels it (the run stops at
// once, writes nothing and exits 130); the second exits at once.
var InterruptSignals = []os.Signal{os.Interrupt}

// HandleSignals cancels the run on the first signal and calls exit(130) on
// the second, for a run that does not stop (a hung file system).
func HandleSignals(sigs <-chan os.Signal, cancel context.CancelFunc, stderr io.Writer, exit func(int)) {
	n := 0
	for range sigs {
		n++
		if n == 1 {
			cancel()
			continue
		}
		fmt.Fprintln(stderr, "nestlint: interrupted again: exiting")
		exit(exitInterrupted)
		return
	}
}

// lintInterruptible runs c.lint and returns as soon as ctx is cancelled,
// even when a rule is busy in a loop that does not look at the context:
// the abandoned work ends with the process, and nothing it produced is
// written.
func (c *collector) lintInterruptible(ctx context.Context, o *options, disc *parser.Discovery) error {
	return interruptible(ctx, func() error { return c.lint(ctx, o, disc) })
}

// interruptible runs f and returns its error, or ctx's as soon as ctx is
// cancelled (f is then abandoned).
func interruptible(ctx context.Context, f func() error) error {
	done := make(chan error, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Errorf("panic: %v", r)
			}
		}()
		done <- f()
	}()
	select {
	case err := <-done:
		if err == nil && ctx.Err() != nil {
			return ctx.Err()
		}
		return err
	case <-ctx.Done():
		return ctx.Err()
	}
}
