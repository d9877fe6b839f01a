package pipeline

import (
	"strings"
	"testing"

	"github.com/nestlint/nestlint/report"
)

func TestPlanFixesSkipsOverlaps(t *testing.T) {
	t.Parallel()
	src := []byte("abcdefghij\n")
	source := func(string) ([]byte, bool) { return src, true }
	fix := func(start, end int, text string) []report.Fix {
		return []report.Fix{{Message: "f", Edits: []report.Edit{{File: "a.ts", Start: start, End: end, NewText: text}}}}
	}
	ds := []report.Diagnostic{
		{RuleID: "r/one", Location: report.Location{File: "a.ts", Start: 0}, Fixes: fix(1, 4, "X")},
		{RuleID: "r/two", Location: report.Location{File: "a.ts", Start: 2}, Fixes: fix(3, 5, "Y")}, // overlaps one
		{RuleID: "r/three", Location: report.Location{File: "a.ts", Start: 6}, Fixes: fix(6, 6, "Z")},
		{RuleID: "r/four", Location: report.Location{File: "a.ts", Start: 6}, Fixes: fix(6, 6, "W")}, // same insertion point
		{RuleID: "r/five", Location: report.Location{File: "a.ts", Start: 8}, Fixes: fix(8, 9, "V"), Suppressed: true},
		{RuleID: "r/six", Location: report.Location{File: "a.ts", Start: 9}, Fixes: fix(9, 10, "U")},
	}
	p := planFixes(ds, source)
	if p.applied != 3 || len(p.skipped) != 2 {
		t.Fatalf("applied %d, skipped %q", p.applied, p.skipped)
	}
	if !strings.Contains(p.skipped[0], "a.ts:1:3: skipped the fix of r/two") {
		t.Errorf("skip message %q", p.skipped[0])
	}
	out, err := applyEdits(src, p.edits["a.ts"])
	if err != nil || string(out) != "aXefZghiU\n" {
		t.Errorf("applyEdits = %q, %v", out, err)
	}
}

func TestUnifiedDiff(t *testing.T) {
	t.Parallel()
	old := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20"
	new := "0\n1\n2\n3\n4\n5\n6\n7\nx\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n"
	const want = `--- a/f.ts
+++ b/f.ts
@@ -1,3 +1,4 @@
+0
 1
 2
 3
@@ -5,7 +6,7 @@
 5
 6
 7
-8
+x
 9
 10
 11
@@ -17,4 +18,4 @@
 17
 18
 19
-20
\ No newline at end of file
+20
`
	if got := unifiedDiff("f.ts", []byte(old), []byte(new)); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if got := unifiedDiff("f.ts", []byte(old), []byte(old)); got != "" {
		t.Errorf("equal files: %q", got)
	}
}
