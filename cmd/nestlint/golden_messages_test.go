package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
)

// goldenLine splits a text-format finding: "file:line:col: severity:
// message (via A -> B) [rule-id]".
var goldenLine = regexp.MustCompile(`^[^:]+:\d+:\d+: (?:error|warning|note): (.*?)(?: \(via (.*)\))? \[[a-z0-9/-]+\]$`)

// TestGoldenMessages (issue 18): every message of the end-to-end goldens
// is one short sentence before its path (checkertest.MessageProblems: at
// most 160 characters, the entry point named only by the path, identifiers
// in backticks). The rule fixtures are checked the same way by
// checkertest.RunCase; this covers what only a whole app produces.
func TestGoldenMessages(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no text goldens (%v)", err)
	}
	n := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			if l == "" {
				continue
			}
			m := goldenLine.FindStringSubmatch(l)
			if m == nil {
				t.Errorf("%s: not a finding line: %s", f, l)
				continue
			}
			n++
			var path []string
			if m[2] != "" {
				path = strings.Split(m[2], " -> ")
			}
			for _, p := range checkertest.MessageProblems(m[1], path) {
				t.Errorf("%s: %s: %s", f, p, l)
			}
		}
	}
	if n == 0 {
		t.Error("the goldens hold no finding")
	}
}
