// Package trace tells a supervising process which files are being
// analysed, so that when the analysis process dies (out of memory, a
// stack overflow, a crash in C code) the supervisor can name them.
//
// Two transports: a shared file mapped into the worker's memory
// (SetShared, on unix), where Begin and End are plain memory writes into
// one slot per file in flight and the supervisor reads the slots after
// the worker died (ReadShared); and, where mapping is not possible, a
// pipe of "+path"/"-path" records (SetSink, Tracker), one write each.
package trace

import (
	"encoding/binary"
	"os"
	"slices"
	"sync"
	"sync/atomic"
)

// Span is one file in flight, from Begin to End.
type Span struct {
	path string
	slot int // 1 + the shared slot, 0 when none
}

// Begin records that the analysis of path starts; End records its end.
func Begin(path string) Span {
	if sh := shared.Load(); sh != nil {
		return Span{slot: sh.begin(path)}
	}
	File(path, true)
	return Span{path: path}
}

// End records that the analysis started by Begin ended.
func (s Span) End() {
	if s.slot > 0 {
		if sh := shared.Load(); sh != nil {
			sh.end(s.slot - 1)
		}
		return
	}
	if s.path != "" {
		File(s.path, false)
	}
}

// The shared file: Slots slots of SlotSize bytes, each holding a start
// sequence number (0: free), the path's length and the path.
const (
	Slots    = 256
	SlotSize = 4096
	// SharedSize is the size of the shared file.
	SharedSize = Slots * SlotSize
	headSize   = 12
)

type sharedMem struct {
	mem  []byte
	busy [Slots]atomic.Bool
	seq  atomic.Uint64
	next atomic.Uint32
}

var shared atomic.Pointer[sharedMem]

func (sh *sharedMem) begin(path string) int {
	if len(path) > SlotSize-headSize {
		return 0
	}
	start := int(sh.next.Add(1))
	for i := range Slots {
		k := (start + i) % Slots
		if !sh.busy[k].CompareAndSwap(false, true) {
			continue
		}
		b := sh.mem[k*SlotSize : (k+1)*SlotSize]
		binary.LittleEndian.PutUint32(b[8:12], uint32(copy(b[headSize:], path)))
		binary.LittleEndian.PutUint64(b[0:8], sh.seq.Add(1)) // last: the slot is in use
		return k + 1
	}
	return 0 // more files in flight than slots: not traced
}

func (sh *sharedMem) end(k int) {
	binary.LittleEndian.PutUint64(sh.mem[k*SlotSize:k*SlotSize+8], 0)
	sh.busy[k].Store(false)
}

// ParseShared returns the paths in flight recorded in the content of a
// shared file, in the order they started.
func ParseShared(b []byte) []string {
	type rec struct {
		seq  uint64
		path string
	}
	var recs []rec
	for k := 0; (k+1)*SlotSize <= len(b); k++ {
		s := b[k*SlotSize : (k+1)*SlotSize]
		seq := binary.LittleEndian.Uint64(s[0:8])
		n := binary.LittleEndian.Uint32(s[8:12])
		if seq == 0 || n == 0 || int(n) > SlotSize-headSize {
			continue
		}
		recs = append(recs, rec{seq, string(s[headSize : headSize+int(n)])})
	}
	slices.SortFunc(recs, func(a, b rec) int {
		switch {
		case a.seq < b.seq:
			return -1
		case a.seq > b.seq:
			return 1
		}
		return 0
	})
	var out []string
	seen := map[string]bool{}
	for _, r := range recs {
		if !seen[r.path] {
			seen[r.path] = true
			out = append(out, r.path)
		}
	}
	return out
}

// ReadShared reads the paths in flight from the shared file f (the
// supervisor's descriptor of the file the worker mapped).
func ReadShared(f *os.File) []string {
	b := make([]byte, SharedSize)
	n, _ := f.ReadAt(b, 0)
	return ParseShared(b[:n])
}

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
