package safeio

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
