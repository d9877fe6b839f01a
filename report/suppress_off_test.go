package report

import (
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/lint"
)

// TestSuppressorOff: a directive naming a rule that is off for its file is
// not reported as unused (nor unknown); FileSeverity sets the severity of
// the added findings per file and drops them where it is Off.
func TestSuppressorOff(t *testing.T) {
	src := "// nestlint-disable-next-line event-loop/sync-io -- startup\nx\n" +
		"// nestlint-disable-next-line hidden-class/* -- family\ny\n"
	comments := func() map[string][]Comment {
		m := map[string][]Comment{}
		for _, f := range []string{"a.ts", "b.ts"} {
			off := 0
			for _, line := range strings.SplitAfter(src, "\n") {
				if strings.HasPrefix(line, "//") {
					m[f] = append(m[f], Comment{Text: strings.TrimSuffix(line, "\n"), Start: off, End: off + len(line) - 1})
				}
				off += len(line)
			}
		}
		return m
	}
	rules := []string{"event-loop/sync-io", "hidden-class/delete", "hidden-class/late-field", UnusedDisableID}
	run := func(off func(file, id string) bool, sev func(string) lint.Severity) []Diagnostic {
		s := &Suppressor{Comments: comments(), Source: func(string) ([]byte, bool) { return []byte(src), true },
			Rules: rules, ReportUnused: true, Off: off, FileSeverity: sev}
		out, err := s.Apply(nil)
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	count := func(ds []Diagnostic, file string) int {
		n := 0
		for _, d := range ds {
			if d.File == file {
				n++
				if strings.Contains(d.Message, "unknown") {
					t.Errorf("known rule called unknown: %s", d.Message)
				}
			}
		}
		return n
	}
	if ds := run(nil, nil); count(ds, "a.ts") != 2 || count(ds, "b.ts") != 2 {
		t.Fatalf("without Off both directives are unused in both files: %+v", ds)
	}
	// sync-io off in a.ts only; one hidden-class rule off everywhere (the
	// family stays on), then the whole family off in b.ts.
	off := func(file, id string) bool {
		switch id {
		case "event-loop/sync-io":
			return file == "a.ts"
		case "hidden-class/delete":
			return true
		case "hidden-class/late-field":
			return file == "b.ts"
		}
		return false
	}
	ds := run(off, nil)
	if count(ds, "a.ts") != 1 || count(ds, "b.ts") != 1 {
		t.Errorf("a.ts: the family directive only; b.ts: the sync-io directive only: %+v", ds)
	}
	ds = run(nil, func(file string) lint.Severity {
		if file == "a.ts" {
			return lint.Off
		}
		return lint.Error
	})
	if count(ds, "a.ts") != 0 || count(ds, "b.ts") != 2 || ds[0].Severity != lint.Error {
		t.Errorf("FileSeverity: %+v", ds)
	}
}
