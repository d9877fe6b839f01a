package safeio

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	ok := filepath.Join(dir, "ok.json")
	os.WriteFile(ok, []byte("{}"), 0o644)
	if data, err := ReadFile(ok, 10); err != nil || string(data) != "{}" {
		t.Errorf("regular file: %q, %v", data, err)
	}
	var tl *TooLargeError
	if _, err := ReadFile(ok, 1); !errors.As(err, &tl) {
		t.Errorf("over the cap: %v", err)
	}
	if _, err := ReadFile(dir, 10); !errors.Is(err, ErrNotRegular) {
		t.Errorf("folder: %v", err)
	}
	if runtime.GOOS == "windows" {
		return
	}
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

func TestCheckJSONDepth(t *testing.T) {
	for _, tc := range []struct {
		src       string
		line, col int // 0: accepted
	}{
		{`{"a": [1, {"b": []}]}`, 0, 0},
		{`{"a": "[[[[[[[["}`, 0, 0},         // brackets in strings do not count
		{"// [[[[[[\n{}", 0, 0},             // nor in comments
		{"/* [[[[[[[[ */ {}", 0, 0},         //
		{`{"a": "\"[[[[[["}`, 0, 0},         // escaped quote
		{"{\n  \"a\": [[[[[", 2, 12},        // the 6th level
		{strings.Repeat("[", 100000), 1, 6}, // the 2 MB file, smaller
	} {
		err := CheckJSONDepth([]byte(tc.src), 5)
		var de *DepthError
		if tc.line == 0 {
			if err != nil {
				t.Errorf("%q: %v", tc.src, err)
			}
			continue
		}
		if !errors.As(err, &de) || de.Line != tc.line || de.Column != tc.col {
			t.Errorf("%.30q: %v (%+v), want line %d col %d", tc.src, err, de, tc.line, tc.col)
		}
	}
}
