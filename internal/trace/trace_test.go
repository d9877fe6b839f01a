package trace

import (
	"bufio"
	"os"
	"reflect"
	"testing"
)

func TestTracker(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	SetSink(w)
	File("/r/a.ts", true)
	File("/r/b.ts", true)
	File("/r/a.ts", false)
	File("/r/bad\nname.ts", true) // not traced
	for i := 0; i < 200; i++ {
		File("/r/c.ts", true)
		File("/r/c.ts", false)
	}
	File("/r/d.ts", true)
	SetSink(nil)
	w.Close()
	var tr Tracker
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		tr.Add(sc.Text())
	}
	if got, want := tr.InFlight(), []string{"/r/b.ts", "/r/d.ts"}; !reflect.DeepEqual(got, want) {
		t.Errorf("in flight %v, want %v", got, want)
	}
}

// TestParseSharedHostile: a torn or foreign file gives no panic and no
// path longer than a slot holds.
func TestParseSharedHostile(t *testing.T) {
	b := make([]byte, 2*SlotSize+100)
	copy(b, []byte{1, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff}) // a length beyond the slot
	copy(b[SlotSize:], []byte{2, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 'a', '.', 't'})
	if got := ParseShared(b); !reflect.DeepEqual(got, []string{"a.t"}) {
		t.Errorf("ParseShared = %q, want [a.t]", got)
	}
	for n := range 3 * SlotSize {
		ParseShared(b[:min(n, len(b))])
	}
}
