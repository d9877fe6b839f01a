package report

import (
	"math/rand"
	"strings"
	"testing"
)

// TestBaselineThirdCopyIsNew is the example: three identical lines
// baselined, a fourth copy added later must be reported, and only it.
func TestBaselineThirdCopyIsNew(t *testing.T) {
	t.Parallel()
	mk := func(n int) (string, []Diagnostic) {
		var b strings.Builder
		var ds []Diagnostic
		for i := 0; i < n; i++ {
			ds = append(ds, Diagnostic{RuleID: "r/a", Location: Location{File: "f.ts", Start: b.Len()}})
			b.WriteString("delete dto.password;\n")
		}
		return b.String(), ds
	}
	before, bds := mk(3)
	base := NewBaseline(bds, func(string) ([]byte, bool) { return []byte(before), true })
	if len(base.Findings) != 3 {
		t.Fatalf("baseline of 3 copies has %d entries: %+v", len(base.Findings), base.Findings)
	}
	after, ads := mk(4)
	f := &BaselineFilter{Baseline: base, Source: func(string) ([]byte, bool) { return []byte(after), true }}
	out, _ := f.Apply(ads)
	n := 0
	for _, d := range out {
		if d.BaselineState == "new" {
			n++
		}
	}
	if n != 1 || f.Fixed != 0 {
		t.Errorf("4 copies against a baseline of 3: %d new, %d fixed; want 1 new, 0 fixed", n, f.Fixed)
	}
}

// TestBaselineProperty checks, for random multisets of findings that share
// rule, file and line text, that the baseline of "before" applied to
// "after" reports exactly max(0, after-before) new findings per kind and
// max(0, before-after) fixed entries.
func TestBaselineProperty(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewSource(13))
	texts := []string{"delete dto.password;", "x = f()", "  x  =  f()  ", "eval(s)"}
	rules := []string{"r/a", "r/b"}
	files := []string{"a.ts", "b.ts"}
	type kind struct{ file, rule, text string }
	norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	// build lays out count[k] copies of each kind's line in its file, in a
	// random order, and returns the sources and diagnostics.
	build := func(count map[kind]int) (map[string]string, []Diagnostic) {
		srcs := map[string]*strings.Builder{}
		var ds []Diagnostic
		var order []kind
		for k, n := range count {
			for i := 0; i < n; i++ {
				order = append(order, k)
			}
		}
		// map order is random; sort first for a reproducible shuffle.
		sortKinds := func(a, b kind) bool { return a.file+a.rule+a.text < b.file+b.rule+b.text }
		for i := 1; i < len(order); i++ {
			for j := i; j > 0 && sortKinds(order[j], order[j-1]); j-- {
				order[j], order[j-1] = order[j-1], order[j]
			}
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, k := range order {
			b := srcs[k.file]
			if b == nil {
				b = &strings.Builder{}
				srcs[k.file] = b
			}
			if rng.Intn(3) == 0 {
				b.WriteString("// filler\n")
			}
			ds = append(ds, Diagnostic{RuleID: k.rule, Location: Location{File: k.file, Start: b.Len()}})
			b.WriteString(k.text + "\n")
		}
		out := map[string]string{}
		for f, b := range srcs {
			out[f] = b.String()
		}
		return out, ds
	}
	for iter := 0; iter < 300; iter++ {
		before, after := map[kind]int{}, map[kind]int{}
		for _, f := range files {
			for _, r := range rules {
				for _, tx := range texts {
					k := kind{f, r, tx}
					before[k] = rng.Intn(5)
					after[k] = rng.Intn(5)
				}
			}
		}
		bsrc, bds := build(before)
		asrc, ads := build(after)
		base := NewBaseline(bds, func(f string) ([]byte, bool) { s, ok := bsrc[f]; return []byte(s), ok })
		f := &BaselineFilter{Baseline: base, Source: func(f string) ([]byte, bool) { s, ok := asrc[f]; return []byte(s), ok }}
		out, err := f.Apply(ads)
		if err != nil {
			t.Fatal(err)
		}
		// Findings whose texts normalize alike are one kind for the baseline.
		type nk struct{ file, rule, text string }
		wantNew, wantFixed := map[nk]int{}, 0
		bn, an := map[nk]int{}, map[nk]int{}
		for k, n := range before {
			bn[nk{k.file, k.rule, norm(k.text)}] += n
		}
		for k, n := range after {
			an[nk{k.file, k.rule, norm(k.text)}] += n
		}
		for k := range mergeKeys(bn, an) {
			wantNew[k] = max(0, an[k]-bn[k])
			wantFixed += max(0, bn[k]-an[k])
		}
		gotNew := map[nk]int{}
		for _, d := range out {
			if d.BaselineState == "new" {
				line := asrc[d.File][d.Start:]
				line = line[:strings.IndexByte(line, '\n')]
				gotNew[nk{d.File, d.RuleID, norm(line)}]++
			}
		}
		for k, n := range wantNew {
			if gotNew[k] != n {
				t.Fatalf("iter %d: %v: %d new, want %d (before %d, after %d)", iter, k, gotNew[k], n, bn[k], an[k])
			}
		}
		if f.Fixed != wantFixed {
			t.Fatalf("iter %d: fixed %d, want %d", iter, f.Fixed, wantFixed)
		}
	}
}

func mergeKeys[K comparable](a, b map[K]int) map[K]bool {
	out := map[K]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}
