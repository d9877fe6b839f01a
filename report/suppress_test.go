package report

import (
	"slices"
	"strings"
	"testing"
)

func TestParseDirective(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in     string
		kind   DirectiveKind
		ids    []string
		reason string
		ok     bool
	}{
		{"// nestlint-disable-next-line a/b, c/d -- why not", DisableNextLine, []string{"a/b", "c/d"}, "why not", true},
		{"// nestlint-disable-line a/b c/d", DisableLine, []string{"a/b", "c/d"}, "", true},
		{"/* nestlint-disable hidden-class/* -- legacy */", Disable, []string{"hidden-class/*"}, "legacy", true},
		{"/* nestlint-enable */", Enable, nil, "", true},
		{"// nestlint-disable-next-line -- all rules", DisableNextLine, nil, "all rules", true},
		{"// see nestlint-disable docs", 0, nil, "", false},
		{"// nestlint-disabled a/b", 0, nil, "", false},
	} {
		d, ok := ParseDirective(tc.in)
		if ok != tc.ok || ok && (d.Kind != tc.kind || !slices.Equal(d.IDs, tc.ids) || d.Reason != tc.reason) {
			t.Errorf("%q: got %+v %v", tc.in, d, ok)
		}
	}
}

// suppress runs the suppressor over src with one sync-io finding on each
// line holding "SYNC" (at the word) and returns the marked findings and the
// added ones.
func suppress(t *testing.T, src string) (marked, added []Diagnostic) {
	t.Helper()
	var comments []Comment
	var ds []Diagnostic
	off := 0
	for _, line := range strings.SplitAfter(src, "\n") {
		for _, marker := range []string{"//", "/*"} {
			if i := strings.Index(line, marker); i >= 0 {
				end := len(line)
				if marker == "/*" {
					end = strings.Index(line, "*/") + 2
				}
				comments = append(comments, Comment{Text: strings.TrimRight(line[i:end], "\n"), Start: off + i, End: off + len(strings.TrimRight(line[:end], "\n"))})
				break
			}
		}
		if i := strings.Index(line, "SYNC"); i >= 0 {
			ds = append(ds, Diagnostic{RuleID: "event-loop/sync-io", Location: Location{File: "a.ts", Start: off + i, End: off + i + 4}})
		}
		off += len(line)
	}
	s := &Suppressor{Comments: map[string][]Comment{"a.ts": comments},
		Source: func(string) ([]byte, bool) { return []byte(src), true },
		Rules:  []string{"event-loop/sync-io", "hidden-class/delete", UnusedDisableID}, ReportUnused: true}
	out, err := s.Apply(ds)
	if err != nil {
		t.Fatal(err)
	}
	return out[:len(ds)], out[len(ds):]
}

func messages(ds []Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Message)
	}
	return out
}

func suppressedCount(ds []Diagnostic) int {
	n := 0
	for _, d := range ds {
		if d.Suppressed {
			n++
		}
	}
	return n
}

func TestSuppressForms(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name       string
		src        string
		suppressed int
		added      []string // substrings of the added findings, in order
	}{
		{"next-line", "// nestlint-disable-next-line event-loop/sync-io -- ok\nSYNC\nSYNC\n", 1, nil},
		{"next-line without reason", "// nestlint-disable-next-line event-loop/sync-io\nSYNC\n", 1, []string{"without a reason"}},
		{"line", "SYNC // nestlint-disable-line event-loop/sync-io -- ok\nSYNC\n", 1, nil},
		{"line without reason", "SYNC // nestlint-disable-line\n", 1, []string{"without a reason"}},
		{"block until enable", "/* nestlint-disable event-loop/sync-io -- legacy */\nSYNC\nSYNC\n/* nestlint-enable event-loop/sync-io */\nSYNC\n", 2, nil},
		{"block without enable", "SYNC\n/* nestlint-disable -- legacy */\nSYNC\nSYNC\n", 2, nil},
		{"enable of another id keeps the range", "/* nestlint-disable event-loop/sync-io -- x */\n/* nestlint-enable hidden-class/delete */\nSYNC\n", 1, nil},
		{"wildcard", "// nestlint-disable-next-line event-loop/* -- ok\nSYNC\n", 1, nil},
		{"unknown wildcard", "// nestlint-disable-next-line nope/* -- ok\nSYNC\n", 0, []string{`unknown rule id "nope/*"`}},
		{"unknown id", "// nestlint-disable-next-line event-loop/sync-oi -- ok\nSYNC\n", 0, []string{`unknown rule id "event-loop/sync-oi"`}},
		{"unused", "// nestlint-disable-next-line event-loop/sync-io -- ok\n\nSYNC\n", 0, []string{"there is no `event-loop/sync-io` finding to suppress here"}},
		{"partly unused", "// nestlint-disable-next-line event-loop/sync-io, hidden-class/delete -- ok\nSYNC\n", 1, []string{"`hidden-class/delete` finding"}},
		{"unused all", "/* nestlint-disable -- ok */\n", 0, []string{"unused `nestlint-disable` directive: there is no finding to suppress here"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			marked, added := suppress(t, tc.src)
			if n := suppressedCount(marked); n != tc.suppressed {
				t.Errorf("suppressed %d, want %d", n, tc.suppressed)
			}
			got := messages(added)
			if len(got) != len(tc.added) {
				t.Fatalf("added %q, want %q", got, tc.added)
			}
			for i, want := range tc.added {
				if !strings.Contains(got[i], want) {
					t.Errorf("added[%d] = %q, want %q", i, got[i], want)
				}
				if added[i].RuleID != UnusedDisableID || added[i].Severity.String() != "warning" {
					t.Errorf("added[%d] = %+v", i, added[i])
				}
			}
			for _, d := range marked {
				if d.Suppressed && strings.Contains(tc.src, "-- ok") && d.Justification != "ok" {
					t.Errorf("justification %q", d.Justification)
				}
			}
		})
	}
}
