package pipeline

import (
	"bytes"
	"os"
	"testing"
	"time"
)

func TestProgress(t *testing.T) {
	var b bytes.Buffer
	now := time.Unix(0, 0)
	p := newProgressTo(&b, func() time.Time { return now })
	p.update(1, 10) // under a second: nothing
	now = now.Add(1500 * time.Millisecond)
	p.update(2, 10)
	now = now.Add(50 * time.Millisecond)
	p.update(3, 10) // throttled
	now = now.Add(100 * time.Millisecond)
	p.update(4, 10)
	p.update(10, 10) // done: cleared
	p.clear()        // already clear
	want := "\rparsing 2/10 files\033[K\rparsing 4/10 files\033[K\r\033[K"
	if b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
	var nilp *progress
	nilp.clear()
	if nilp.callback() != nil {
		t.Error("nil progress has a callback")
	}
	// Never when piped, in CI or with --silent.
	if newProgress(&b, false) != nil {
		t.Error("progress on a buffer")
	}
	t.Setenv("CI", "")
	rd, w, _ := os.Pipe()
	defer rd.Close()
	defer w.Close()
	if newProgress(w, false) != nil || newProgress(os.Stderr, true) != nil {
		t.Error("progress on a pipe or with --silent")
	}
	t.Setenv("CI", "true")
	if newProgress(os.Stderr, false) != nil {
		t.Error("progress in CI")
	}
}
