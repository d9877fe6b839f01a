package checker_test

import (
	"context"
	"fmt"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/internal/testmain"
	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules"
	"github.com/nestlint/nestlint/rules/checker"
	"github.com/nestlint/nestlint/rules/lint"
)

// TestRelintMatchesFresh is what the language server does on every edit:
// it assembles the program again (parser.Reassemble) and relints it with
// the same lint.Memo, so the model reuses what the edit left as it was
// (nest.Options.Reuse) and rules reuse what they computed from unchanged
// files' facts (lint.FileMemo). Each line of the shop app's sources (every
// third line, a different third in each file) is deleted in turn (and put
// back, as the editor's undo does); after each edit the findings of the
// relint must be those of a fresh run with no memo, request paths, related
// locations and fixes included.
func TestRelintMatchesFresh(t *testing.T) {
	// Under -race (ten times slower) every 25th line: the concurrent
	// analyzers and the memo are still raced; without it every third.
	every, minEdits, minDiffer := 3, 100, 40
	if testmain.Race() {
		every, minEdits, minDiffer = 25, 20, 5
	}
	root, err := filepath.Abs("../../testdata/apps/shop")
	if err != nil {
		t.Fatal(err)
	}
	d, err := parser.Discover([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	pr := parser.Parse(context.Background(), d.Files, parser.Options{Jobs: 2})
	files := slices.Clone(pr.Files)
	all := rules.All()
	settings := func(memo *lint.Memo) *lint.Settings {
		return &lint.Settings{Root: root, Jobs: 2, Scope: lint.ScopeServer, Memo: memo}
	}
	// With the memo, the program is assembled again as the language server
	// does: the files that did not change keep their positions.
	var assembled *parser.Result
	lintWith := func(fs []*parser.File, memo *lint.Memo) string {
		t.Helper()
		pr := parser.Assemble(fs, d.Extra, nil)
		if memo != nil {
			pr = parser.Reassemble(assembled, fs, d.Extra, nil)
			assembled = pr
		}
		res, err := checker.RunParsed(context.Background(), pr, all, settings(memo))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Errors) > 0 {
			t.Fatalf("tool errors: %+v", res.Errors)
		}
		var b strings.Builder
		for _, f := range res.Findings {
			p := res.Parse.Fset.Position(f.Diagnostic.Pos)
			fmt.Fprintf(&b, "%s:%d:%d %s %s\n", filepath.Base(p.Filename), p.Line, p.Column, f.Rule.ID, f.Diagnostic.Message)
			pos := func(at token.Pos) string {
				p := res.Parse.Fset.Position(at)
				return fmt.Sprintf("%s:%d:%d", filepath.Base(p.Filename), p.Line, p.Column)
			}
			for _, s := range f.Path {
				fmt.Fprintf(&b, "\tstep %s %s\n", pos(s.Pos), s.Label)
			}
			for _, r := range f.Diagnostic.Related {
				fmt.Fprintf(&b, "\trelated %s %s\n", pos(r.Pos), r.Message)
			}
			for _, fix := range f.Diagnostic.SuggestedFixes {
				for _, e := range fix.TextEdits {
					fmt.Fprintf(&b, "\tfix %s-%s %q\n", pos(e.Pos), pos(e.End), e.NewText)
				}
			}
		}
		return b.String()
	}
	memo := &lint.Memo{}
	base := lintWith(files, memo)
	if base == "" {
		t.Fatal("the shop app has no findings: the test compares nothing")
	}
	edits, differ := 0, 0
	for i, f := range files {
		lines := strings.Split(string(f.Source()), "\n")
		for l := range lines {
			if (l+i)%every != 0 || strings.Trim(lines[l], "{}()[];, \t") == "" {
				continue
			}
			src := strings.Join(append(slices.Clone(lines[:l]), lines[l+1:]...), "\n")
			nf, _ := parser.ParseFile(f.Path, []byte(src), 0, nil)
			if nf == nil {
				continue
			}
			edited := slices.Clone(files)
			edited[i] = nf
			got, want := lintWith(edited, memo), lintWith(edited, nil)
			if got != want {
				t.Fatalf("%s without line %d: the relint found\n%s\na fresh run\n%s", f.Path, l+1, got, want)
			}
			if want != base {
				differ++
			}
			if back := lintWith(files, memo); back != base {
				t.Fatalf("%s with line %d put back: the relint found\n%s\nthe first run\n%s", f.Path, l+1, back, base)
			}
			edits++
		}
	}
	t.Logf("%d edits, %d changed the findings", edits, differ)
	if edits < minEdits || differ < minDiffer {
		t.Fatalf("%d edits, %d of them changed the findings: too few to test the reuse", edits, differ)
	}
}
