package pipeline

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/nestlint/nestlint/rules/checker"
)

// timings adds up the phases of a run for --timing, like ESLint's
// TIMING=1: discover, parse (with the cache's share), each analyzer, and
// report.
type timings struct {
	order []string
	total map[string]time.Duration
}

func (t *timings) add(name string, d time.Duration) {
	if t.total == nil {
		t.total = map[string]time.Duration{}
	}
	if _, ok := t.total[name]; !ok {
		t.order = append(t.order, name)
	}
	t.total[name] += d
}

func (t *timings) addRun(res []checker.Timing) {
	for _, p := range res {
		t.add(p.Name, p.Duration)
	}
}

// write prints one line per phase, slowest rules last as ESLint does not:
// in the order they ran, which is the order of the pipeline.
func (t *timings) write(w io.Writer, parsed, cached, unread int64) {
	var b strings.Builder
	b.WriteString("nestlint: timing\n")
	for _, n := range t.order {
		d := t.total[n]
		extra := ""
		if n == "parse" {
			extra = fmt.Sprintf("  (%d files parsed, %d from the cache)", parsed, cached)
			if unread > 0 {
				extra += fmt.Sprintf(", %d of them not read", unread)
			}
		}
		fmt.Fprintf(&b, "  %-28s %10.1f ms%s\n", n, float64(d.Microseconds())/1000, extra)
	}
	io.WriteString(w, b.String())
}

// profiles starts the CPU profile and returns a function that stops it,
// for --cpuprofile and --memprofile. The heap profile is written by
// heapAtPeak once a program's rules ran, when the facts of all its files
// and its model are alive; stop writes it only when no program was
// analysed (every result came from the cache).
func profiles(cpu string, heap *heapProfile) (stop func() error, err error) {
	var f *os.File
	if cpu != "" {
		if f, err = os.Create(cpu); err != nil {
			return nil, err
		}
		if err = pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return nil, err
		}
	}
	return func() error {
		if f != nil {
			pprof.StopCPUProfile()
			if err := f.Close(); err != nil {
				return err
			}
		}
		if heap.path != "" && heap.files < 0 {
			return heap.write()
		}
		return nil
	}, nil
}

// heapProfile is --memprofile: written after the rules of the largest
// program analysed so far (what a maintainer looking at memory wants is
// the peak, not the heap after everything was released).
type heapProfile struct {
	path  string
	files int // files of the program profiled; -1 before any
	err   error
}

// atPeak writes the heap profile if the program just analysed, with n
// files, is at least as large as any before it. The first error is kept
// for the end of the run.
func (h *heapProfile) atPeak(n int) {
	if h == nil || h.path == "" || n < h.files {
		return
	}
	h.files = n
	if err := h.write(); err != nil && h.err == nil {
		h.err = err
	}
}

func (h *heapProfile) write() error {
	m, err := os.Create(h.path)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(m); err != nil {
		m.Close()
		return err
	}
	return m.Close()
}
