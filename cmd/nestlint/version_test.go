package main

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/parser"
)

func TestPrintVersion(t *testing.T) {
	t.Parallel()
	saved := commit
	defer func() { commit = saved }()
	commit = "abc1234"
	var b bytes.Buffer
	printVersion(&b)
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("--version prints %d lines, want 4:\n%s", len(lines), b.String())
	}
	if lines[0] != "nestlint "+buildVersion() {
		t.Errorf("line 1 %q, want %q", lines[0], "nestlint "+buildVersion())
	}
	if lines[1] != "commit:   abc1234" {
		t.Errorf("line 2 %q, want the stamped commit", lines[1])
	}
	if want := runtime.GOOS + "/" + runtime.GOARCH; !strings.HasSuffix(lines[2], want) {
		t.Errorf("line 3 %q does not end in %s", lines[2], want)
	}
	if len(parser.Grammars) == 0 {
		t.Fatal("parser.Grammars is empty")
	}
	for _, g := range parser.Grammars {
		if !strings.Contains(lines[3], g.Name+" "+g.Version) {
			t.Errorf("grammars line %q does not name %s %s", lines[3], g.Name, g.Version)
		}
	}
}

func TestBuildCommitFallback(t *testing.T) {
	t.Parallel()
	saved := commit
	defer func() { commit = saved }()
	commit = ""
	// A test binary carries no vcs.revision: the fallback is "unknown".
	if got := buildCommit(); got == "" {
		t.Errorf("buildCommit() is empty without -X main.commit")
	}
	commit = "deadbeef"
	if got := buildCommit(); got != "deadbeef" {
		t.Errorf("buildCommit() = %q, want the stamped deadbeef", got)
	}
}
