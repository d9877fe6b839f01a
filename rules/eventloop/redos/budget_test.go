package redos

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/checker"
	"github.com/nestlint/nestlint/rules/lint"
)

// mediumRegexes is a file of n regexes that are safe but cost the analysis
// real work: two loops over a 30-word alternation (442,520 steps each; the
// budgets below are set from that cost, far under the defaults, so that
// the test does not spend millions of steps per budget it checks).
func mediumRegexes(n, from int) string {
	var words []string
	for i := 0; i < 30; i++ {
		words = append(words, fmt.Sprintf("w%dx%d", i, i*7%13))
	}
	alt := strings.Join(words, "|")
	var b strings.Builder
	for i := from; i < from+n; i++ {
		fmt.Fprintf(&b, "export const R%d = /^(?:%s)+(?:%s)+x%d$/;\n", i, alt, alt, i)
	}
	return b.String()
}

// TestWorkBudgets (issue 13 item 10): a file and the run have a total
// budget of regex analysis work; when it runs out, a notice names the file.
func TestWorkBudgets(t *testing.T) {
	dir := t.TempDir()
	files := []string{filepath.Join(dir, "a.ts"), filepath.Join(dir, "b.ts"), filepath.Join(dir, "c.ts")}
	// Different patterns in a.ts and b.ts: a pattern analysed in full
	// once is not analysed again.
	for i, f := range files[:2] {
		if err := os.WriteFile(f, []byte(mediumRegexes(3, 100*i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.WriteFile(files[2], []byte("export const OK = /^[a-z]+$/;\n"), 0o644)
	oldFile, oldRun := fileBudget, runBudget
	defer func() { fileBudget, runBudget = oldFile, oldRun }()

	notices := func() map[string]string {
		res, err := checker.Run(context.Background(), files, nil, []*lint.Rule{Rule}, checker.Options{Jobs: 1})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, n := range res.Notices {
			out[filepath.Base(n.File)] = n.Message
		}
		return out
	}
	// Generous budgets: no notice.
	if got := notices(); len(got) != 0 {
		t.Errorf("notices with the default budgets: %v", got)
	}
	// A file budget worth less than two of the three regexes.
	fileBudget = 750_000
	got := notices()
	for _, f := range []string{"a.ts", "b.ts"} {
		if !strings.Contains(got[f], "regexes were not fully analysed (the work budget of the file ran out)") {
			t.Errorf("%s: notice %q", f, got[f])
		}
	}
	if _, ok := got["c.ts"]; ok {
		t.Errorf("c.ts has a notice: %v", got)
	}
	// A regex too large for the automaton: a notice, even with the
	// default budgets (it used to give neither a finding nor a notice).
	fileBudget, runBudget = oldFile, oldRun
	huge := filepath.Join(dir, "d.ts")
	os.WriteFile(huge, []byte("export const HUGE = /^(?:"+strings.Repeat("abcdefgh", 400)+")+$/;\n"), 0o644)
	all := files
	files = []string{files[2], huge} // c.ts and d.ts: a.ts and b.ts add nothing here
	got = notices()
	if !strings.Contains(got["d.ts"], "1 regex was not fully analysed (the work budget of one regex ran out)") {
		t.Errorf("d.ts: notice %q", got["d.ts"])
	}
	if _, ok := got["c.ts"]; ok {
		t.Errorf("c.ts has a notice: %v", got)
	}
	files = all
	// A run budget spent by a.ts (about 1.33 million steps): b.ts is short
	// of the run's budget.
	fileBudget, runBudget = oldFile, 1_500_000
	got = notices()
	if !strings.Contains(got["b.ts"], "(the work budget of the run ran out)") {
		t.Errorf("b.ts: notice %q", got["b.ts"])
	}
}
