package pipeline

import (
	"os"
	"path/filepath"
	"testing"
)

// TestHeapProfileAtPeak: --memprofile is written after the rules of the
// largest program analysed (a later, smaller program does not replace it),
// and by the end of the run only when no program was analysed.
func TestHeapProfileAtPeak(t *testing.T) {
	path := filepath.Join(t.TempDir(), "heap.out")
	gz := func() bool {
		b, err := os.ReadFile(path)
		return err == nil && len(b) > 2 && b[0] == 0x1f && b[1] == 0x8b // pprof: gzip
	}
	h := &heapProfile{path: path, files: -1}
	stop, err := profiles("", h)
	if err != nil {
		t.Fatal(err)
	}
	h.atPeak(10)
	if !gz() {
		t.Fatal("no profile after the first program")
	}
	os.Remove(path)
	h.atPeak(3)
	if _, err := os.Stat(path); err == nil {
		t.Error("a smaller program replaced the profile")
	}
	h.atPeak(12)
	if !gz() {
		t.Fatal("a larger program did not replace the profile")
	}
	os.Remove(path)
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("the end of the run wrote the profile again")
	}

	// Every result from the cache: written at the end.
	h = &heapProfile{path: path, files: -1}
	if stop, err = profiles("", h); err != nil {
		t.Fatal(err)
	}
	if err := stop(); err != nil || !gz() {
		t.Errorf("no profile at the end of a run that analysed nothing (err %v)", err)
	}

	// An unwritable path is an error kept for the end of the run.
	h = &heapProfile{path: filepath.Join(t.TempDir(), "missing", "heap.out"), files: -1}
	h.atPeak(1)
	if h.err == nil {
		t.Error("no error for an unwritable profile path")
	}
}
