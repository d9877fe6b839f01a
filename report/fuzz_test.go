package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/lint"
)

// FuzzReadBaseline: reading never panics, and what is read writes back to
// a file that reads the same.
//
//	go test -run '^$' -fuzz '^FuzzReadBaseline$' -fuzztime 20s ./report/
func FuzzReadBaseline(f *testing.F) {
	f.Add([]byte(`{"version": 1, "findings": [{"ruleId": "a/b", "file": "src/x.ts", "lineHash": "00ff", "occurrence": 2}]}`))
	f.Add([]byte(`{"version": 1, "findings": []}`))
	f.Add([]byte(`{"version": 2}`))
	f.Add([]byte(`{"version": 1, "findings": [` + strings.Repeat("[", 100) + `]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b, err := ReadBaseline(bytes.NewReader(data))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := b.Write(&buf); err != nil {
			t.Fatal(err)
		}
		first := buf.String()
		back, err := ReadBaseline(&buf)
		if err != nil {
			t.Fatalf("written baseline does not read back: %v\n%s", err, first)
		}
		var again bytes.Buffer
		back.Write(&again)
		if again.String() != first {
			t.Fatalf("baseline changes on a second round trip:\n%s\n%s", first, again.String())
		}
	})
}

// FuzzParseDirective: suppression comments never panic the parser, and a
// parsed directive has a known kind and no empty rule id.
//
//	go test -run '^$' -fuzz '^FuzzParseDirective$' -fuzztime 20s ./report/
func FuzzParseDirective(f *testing.F) {
	for _, s := range []string{
		"// nestlint-disable-next-line event-loop/sync-io -- read once at startup",
		"/* nestlint-disable di/*, hidden-class/delete */",
		"// nestlint-enable",
		"/** nestlint-disable-line -- */",
		"// nestlint-disable-line event-loop/sync-oi,,x --reason",
		"// nestlintdisable",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, comment string) {
		d, ok := ParseDirective(comment)
		if !ok {
			return
		}
		if d.Kind.Keyword() == "nestlint-?" {
			t.Fatalf("unknown kind %v from %q", d.Kind, comment)
		}
		for _, id := range d.IDs {
			if id == "" {
				t.Fatalf("empty rule id from %q: %+v", comment, d)
			}
		}
	})
}

// FuzzWriteSARIF writes a finding and a notice with hostile file names,
// messages and fix texts: the SARIF is valid JSON, every URI is a
// relative percent-encoded reference, and the text and GitHub outputs
// stay one line per finding without raw control characters.
//
//	go test -run '^$' -fuzz '^FuzzWriteSARIF$' -fuzztime 20s ./report/
func FuzzWriteSARIF(f *testing.F) {
	f.Add("src/x\n.ts", "msg <img src=x onerror=alert(1)> [x](javascript:1) `", "fix\x1b[31m", 3)
	f.Add(`back\slash.ts`, "a\r\nb", "", 0)
	f.Add("../../etc/passwd", "%0A::error::forged", "\u202e", 10)
	f.Add("é 🐈/#?%.ts", "", "x", -5)
	rules := testRules()
	f.Fuzz(func(t *testing.T, file, msg, fixText string, start int) {
		src := []byte("export class A {}\r\nconst b = 1;\n")
		if start < 0 || start > len(src) {
			start = 0
		}
		r := &Run{
			Tool: "nestlint", Version: "v0.0.0-fuzz", Rules: rules, Successful: true, FilesLinted: 1,
			Source: func(string) ([]byte, bool) { return src, true },
			Diagnostics: []Diagnostic{{
				RuleID: "di/missing-injectable", Severity: lint.Warning, Message: msg,
				Location: Location{File: file, Start: start, End: start},
				Related:  []Location{{File: file, Start: 0, End: 1, Message: msg}},
				Fixes:    []Fix{{Message: fixText, Edits: []Edit{{File: file, Start: 0, End: 0, NewText: fixText}}}},
			}},
			Notices: []Notice{{Level: lint.Warning, File: file, Start: -1, Message: msg}},
		}
		var buf bytes.Buffer
		if _, err := WriteSARIF(&buf, r); err != nil {
			t.Fatalf("WriteSARIF: %v", err)
		}
		var doc map[string]any
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("invalid JSON: %v", err)
		}
		var uris []string
		collectURIs(doc, &uris)
		for _, u := range uris {
			for i := 0; i < len(u); i++ {
				if c := u[i]; !uriSafe(c) && c != '%' {
					t.Fatalf("uri %q has byte %q", u, c)
				}
			}
			if strings.HasPrefix(u, "/") || strings.HasPrefix(u, "../") || u == ".." {
				t.Fatalf("uri %q leaves the root", u)
			}
		}
		var text bytes.Buffer
		if err := (Text{}).Format(&text, r); err != nil {
			t.Fatal(err)
		}
		var gh bytes.Buffer
		(GitHub{}).Format(&gh, r)
		for name, out := range map[string][]byte{"text": text.Bytes(), "github": gh.Bytes()} {
			if bytes.ContainsAny(out, "\x1b\x07\r\x00") {
				t.Fatalf("%s output has raw control characters: %q", name, out)
			}
		}
		if n := bytes.Count(text.Bytes(), []byte("\n")); n != 1 {
			t.Fatalf("text output has %d lines: %q", n, text.String())
		}
	})
}

// collectURIs gathers the "uri" strings of a decoded SARIF log.
func collectURIs(v any, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if s, ok := e.(string); ok && k == "uri" {
				*out = append(*out, s)
			}
			collectURIs(e, out)
		}
	case []any:
		for _, e := range x {
			collectURIs(e, out)
		}
	}
}
