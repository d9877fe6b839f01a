//go:build unix

package safeio

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestReadSpecialFiles: a link to /dev/zero and a FIFO are refused at
// once, neither read forever nor blocked on.
func TestReadSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	// A link to /dev/zero would never end; a FIFO would block forever.
	zero := filepath.Join(dir, "zero.json")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for _, p := range []string{zero, fifo} {
			_, err := ReadFile(p, 1<<20)
			if !errors.Is(err, ErrNotRegular) {
				t.Errorf("%s: %v", p, err)
			}
			if _, err := Open(p); !errors.Is(err, ErrNotRegular) {
				t.Errorf("Open %s: %v", p, err)
			}
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("ReadFile blocked on a special file")
	}
}
