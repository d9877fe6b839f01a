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
