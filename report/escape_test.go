package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/lint"
)

// TestTextEscapesControls (issue 13 item 14): a file name holding a
// newline or ESC cannot forge an output line or a terminal sequence, in
// findings, notices and GitHub annotations.
func TestTextEscapesControls(t *testing.T) {
	t.Parallel()
	evil := "src/x\n./src/fake.ts:1:1: error: forged [x/y]\x1b[2J.ts"
	r := &Run{
		Diagnostics: []Diagnostic{{RuleID: "x/y", Severity: lint.Error, Message: "bad \x1b]0;title\x07 \u202eexe.ts", Location: Location{File: evil}}},
		Notices:     []Notice{{Level: lint.Warning, File: evil, Start: -1, Message: "skipped \x1b[31m"}},
	}
	check := func(what string, out []byte) {
		t.Helper()
		if bytes.ContainsAny(out, "\x1b\x07") || strings.Contains(string(out), "\u202e") {
			t.Errorf("%s: raw control characters in %q", what, out)
		}
		if !strings.Contains(string(out), `src/x\n./src/fake.ts`) {
			t.Errorf("%s: file name not escaped: %q", what, out)
		}
	}
	var buf bytes.Buffer
	if err := (Text{}).Format(&buf, r); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\n"); n != 1 {
		t.Errorf("text: %d lines, want 1: %q", n, buf.String())
	}
	check("text", buf.Bytes())
	buf.Reset()
	WriteNotices(&buf, r.Notices, nil)
	if n := strings.Count(buf.String(), "\n"); n != 1 {
		t.Errorf("notices: %d lines, want 1: %q", n, buf.String())
	}
	check("notices", buf.Bytes())
	buf.Reset()
	(GitHub{}).Format(&buf, r)
	if bytes.ContainsAny(buf.Bytes(), "\x1b\x07") {
		t.Errorf("github: raw control characters in %q", buf.String())
	}
	// Plain text is unchanged.
	if got := EscapeControls("src/café\t.ts"); got != "src/café\t.ts" {
		t.Errorf("EscapeControls changed plain text: %q", got)
	}
}
