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
func (t *timings) write(w io.Writer, parsed, cached int64) {
	var b strings.Builder
	b.WriteString("nestlint: timing\n")
	for _, n := range t.order {
		d := t.total[n]
		extra := ""
		if n == "parse" {
			extra = fmt.Sprintf("  (%d files parsed, %d from the cache)", parsed, cached)
		}
		fmt.Fprintf(&b, "  %-28s %10.1f ms%s\n", n, float64(d.Microseconds())/1000, extra)
	}
	io.WriteString(w, b.String())
}

// profiles starts the CPU profile and returns a function that stops it and
// writes the heap profile, for --cpuprofile and --memprofile.
func profiles(cpu, mem string) (stop func() error, err error) {
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
		if mem != "" {
			m, err := os.Create(mem)
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
		return nil
	}, nil
}
