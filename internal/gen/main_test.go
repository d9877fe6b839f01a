package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	for _, tc := range []struct {
		name     string
		args     []string
		wantCode int
		wantOut  string
	}{
		{name: "missing out", args: []string{"-modules", "2"}, wantCode: 2},
		{name: "unknown flag", args: []string{"-bogus"}, wantCode: 2},
		{name: "zero modules", args: []string{"-modules", "0", "-out", "DIR"}, wantCode: 1},
		{name: "ok", args: []string{"-modules", "2", "-seed", "3", "-out", "DIR"}, wantCode: 0, wantOut: "wrote 24 files"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for i, a := range tc.args {
				if a == "DIR" {
					tc.args[i] = dir
				}
			}
			var stdout, stderr bytes.Buffer
			if code := run(tc.args, &stdout, &stderr); code != tc.wantCode {
				t.Fatalf("run(%v) = %d, want %d; stderr: %s", tc.args, code, tc.wantCode, stderr.String())
			}
			if !strings.Contains(stdout.String(), tc.wantOut) {
				t.Errorf("stdout %q does not contain %q", stdout.String(), tc.wantOut)
			}
			if tc.wantCode == 0 {
				if _, err := os.Stat(filepath.Join(dir, "src", "app.module.ts")); err != nil {
					t.Errorf("no app.module.ts: %v", err)
				}
			}
		})
	}
}
