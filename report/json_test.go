package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/lint"
)

func TestJSONGolden(t *testing.T) {
	t.Parallel()
	got := format(t, JSON{}, testRun(t))
	golden(t, "json.golden", got)
	if !json.Valid(got) {
		t.Fatal("invalid JSON")
	}
	if bytes.Contains(got, []byte("null")) {
		t.Error("JSON contains null")
	}
	if bytes.Contains(got, []byte(`\u003c`)) || !bytes.Contains(got, []byte("ConfigService<Record")) {
		t.Error("< is escaped")
	}
	var doc struct {
		Version     int `json:"version"`
		Diagnostics []struct {
			Rule                             string
			Line, Column, EndLine, EndColumn int
			Suppressed                       bool
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal(got, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != 1 || len(doc.Diagnostics) != 5 {
		t.Fatalf("version %d, %d diagnostics", doc.Version, len(doc.Diagnostics))
	}
}

func TestJSONClean(t *testing.T) {
	t.Parallel()
	got := string(format(t, JSON{}, &Run{Tool: "nestlint", Version: "v1.0.0"}))
	want := `{
  "version": 1,
  "tool": {
    "name": "nestlint",
    "version": "v1.0.0"
  },
  "diagnostics": [],
  "notices": []
}
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestJSONEscapesInvisible: DEL and the bidirectional controls, which
// encoding/json leaves raw, are written as \u escapes by the JSON and
// GitLab formats, and the document still decodes to the same text.
func TestJSONEscapesInvisible(t *testing.T) {
	name := "src/a\x7f\u202eb.ts"
	msg := "x \u2066y\u2069 \u202a"
	r := &Run{Tool: "nestlint", Version: "v0", Rules: testRules(), Successful: true, FilesLinted: 1,
		Source: func(string) ([]byte, bool) { return []byte("a\n"), true },
		Diagnostics: []Diagnostic{{RuleID: "event-loop/sync-io", Severity: lint.Error, Message: msg,
			Location: Location{File: name, Start: 0, End: 1}}}}
	for fname, fm := range map[string]Formatter{"json": JSON{}, "gitlab": GitLab{}} {
		var b bytes.Buffer
		if err := fm.Format(&b, r); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if forbidden.MatchString(out) || strings.ContainsAny(out, "\u202a\u2066\u2069") {
			t.Errorf("%s: a raw invisible character in %q", fname, out)
		}
		if !strings.Contains(out, `a\u007f\u202eb.ts`) {
			t.Errorf("%s: the file name is not escaped as \\u007f\\u202e: %q", fname, out)
		}
		var v any
		if err := json.Unmarshal(b.Bytes(), &v); err != nil {
			t.Fatalf("%s: %v", fname, err)
		}
		if !strings.Contains(fmt.Sprint(v), name) {
			t.Errorf("%s: the file name does not decode back", fname)
		}
	}
}
