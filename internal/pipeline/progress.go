package pipeline

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress is the "parsing N/M files" line on stderr: shown only on a
// terminal, outside CI, without --silent, and once a run has taken a second;
// redrawn at most ten times a second and cleared when parsing ends.
type progress struct {
	w     io.Writer
	now   func() time.Time
	mu    sync.Mutex
	start time.Time
	last  time.Time
	shown bool
}

// newProgress returns the progress line for stderr, or nil when none is
// wanted.
func newProgress(stderr io.Writer, quiet bool) *progress {
	if quiet || os.Getenv("CI") != "" {
		return nil
	}
	f, ok := stderr.(*os.File)
	if !ok {
		return nil
	}
	info, err := f.Stat()
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return newProgressTo(stderr, time.Now)
}

func newProgressTo(w io.Writer, now func() time.Time) *progress {
	return &progress{w: w, now: now, start: now()}
}

// callback returns the checker's Progress function (nil without a line).
func (p *progress) callback() func(done, total int) {
	if p == nil {
		return nil
	}
	return p.update
}

func (p *progress) update(done, total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if done >= total {
		p.clearLocked()
		return
	}
	t := p.now()
	if t.Sub(p.start) < time.Second || (p.shown && t.Sub(p.last) < 100*time.Millisecond) {
		return
	}
	p.last, p.shown = t, true
	fmt.Fprintf(p.w, "\rparsing %d/%d files\033[K", done, total)
}

// clear erases the line if it is shown.
func (p *progress) clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.clearLocked()
	p.mu.Unlock()
}

func (p *progress) clearLocked() {
	if p.shown {
		io.WriteString(p.w, "\r\033[K")
		p.shown = false
	}
}
