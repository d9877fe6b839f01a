package lint

import (
	"testing"

	"golang.org/x/tools/go/analysis"
)

// TestFileMemo runs an analyzer three times over files whose facts are
// pointers: a value is computed once per facts, a file edited between runs
// (new facts) is computed again, and a run keeps only the files it asked
// for, so the memo never holds facts that are gone.
func TestFileMemo(t *testing.T) {
	type facts struct{ name string }
	a, b, b2 := &facts{"a"}, &facts{"b"}, &facts{"b edited"}
	memo := &Memo{}
	computed := map[string]int{}
	run := func(memo *Memo, files ...*facts) []string {
		env := NewEnv(&Settings{Memo: memo})
		pass := &analysis.Pass{ResultOf: map[*analysis.Analyzer]any{EnvAnalyzer: env}}
		fm := FileMemoOf[string](pass, "test.names")
		var out []string
		for _, f := range files {
			out = append(out, fm.Get(f, func() string { computed[f.name]++; return "<" + f.name + ">" }))
		}
		fm.Keep()
		return out
	}
	if got := run(memo, a, b); got[0] != "<a>" || got[1] != "<b>" {
		t.Fatalf("first run: %q", got)
	}
	if got := run(memo, a, b2); got[0] != "<a>" || got[1] != "<b edited>" {
		t.Fatalf("second run: %q", got)
	}
	if computed["a"] != 1 || computed["b"] != 1 || computed["b edited"] != 1 {
		t.Fatalf("computed %v, want each file once", computed)
	}
	kept, _ := memo.Get("test.names").(map[any]string)
	if len(kept) != 2 || kept[b] != "" {
		t.Fatalf("the memo keeps %v: the edited file's old facts should be gone", kept)
	}
	run(memo, b2)
	if kept, _ := memo.Get("test.names").(map[any]string); len(kept) != 1 {
		t.Fatalf("after a run over one file the memo keeps %d", len(kept))
	}
	// Without a Memo (a one-shot run) every Get computes.
	run(nil, a, a)
	if computed["a"] != 3 {
		t.Fatalf("without a memo a was computed %d times, want 3", computed["a"])
	}
}
