// Package trace tells a supervising process which files are being
// analysed, so that when the analysis process dies (out of memory, a
// stack overflow, a crash in C code) the supervisor can name them.
package trace

import (
	"os"
	"sync"
)

var (
	mu   sync.Mutex
	sink *os.File
)

// SetSink makes File write to f (nil turns tracing off).
func SetSink(f *os.File) {
	mu.Lock()
	sink = f
	mu.Unlock()
}

// File records that the analysis of path starts (start) or ends. Each
// record is one short write of a line, "+path" or "-path"; paths holding a
// newline are not traced.
func File(path string, start bool) {
	mu.Lock()
	defer mu.Unlock()
	if sink == nil || len(path) > 3000 {
		return
	}
	for i := 0; i < len(path); i++ {
		if path[i] == '\n' {
			return
		}
	}
	op := "-"
	if start {
		op = "+"
	}
	sink.Write([]byte(op + path + "\n"))
}

// Tracker follows the records File writes, as the supervisor reads them.
type Tracker struct {
	order []string
	open  map[string]int
}

// Add takes one record ("+path" or "-path").
func (t *Tracker) Add(line string) {
	if len(line) < 2 {
		return
	}
	if t.open == nil {
		t.open = map[string]int{}
	}
	p := line[1:]
	switch line[0] {
	case '+':
		if t.open[p] == 0 {
			t.order = append(t.order, p)
		}
		t.open[p]++
	case '-':
		if t.open[p] > 0 {
			t.open[p]--
		}
		if t.open[p] == 0 {
			delete(t.open, p)
			// Keep order short: drop closed paths now and then.
			if len(t.order) > 4*len(t.open)+64 {
				kept := t.order[:0]
				for _, q := range t.order {
					if t.open[q] > 0 {
						kept = append(kept, q)
					}
				}
				t.order = kept
			}
		}
	}
}

// InFlight returns the paths started and not ended, in the order they
// started.
func (t *Tracker) InFlight() []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range t.order {
		if t.open[p] > 0 && !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}
