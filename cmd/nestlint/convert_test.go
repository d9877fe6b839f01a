package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/lint"
)

// relatedRule reports every "readFileSync" with a path step in the other
// file, a related location, a fix, and an empty range (End = NoPos) for
// the first word of each file.
var relatedRule = lint.NewRule(lint.Meta{ID: "test/related", Name: "related", Severity: lint.Warning}, testRuleDoc("related"),
	func(pass *analysis.Pass) (any, error) {
		files := parser.Of(pass).Files
		other := func(i int) *parser.File { return files[(i+1)%len(files)] }
		for i, f := range files {
			pass.Report(analysis.Diagnostic{Pos: f.Pos(0), Message: "start of file"})
			off := strings.Index(string(f.Source()), "readFileSync")
			if off < 0 {
				continue
			}
			pos, end := f.Pos(uint32(off)), f.Pos(uint32(off+len("readFileSync")))
			lint.Report(pass, lint.Note, pos, end, "found readFileSync",
				lint.WithPath([]lint.Step{{Pos: other(i).Pos(0), End: other(i).Pos(6), Label: "Entry.handle"}, {Pos: pos, End: end, Label: "Here.call"}}),
				lint.WithRelated(other(i).Pos(0), other(i).Pos(6), "see the other file"),
				lint.WithFix(analysis.SuggestedFix{Message: "use readFile", TextEdits: []analysis.TextEdit{{Pos: pos, End: end, NewText: []byte("readFile")}}}))
		}
		return nil, nil
	}, parser.Analyzer)

func TestConvertPositionsPathsAndFixes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.ts": "export const a = 1;\n", "b.ts": "// x\nconst s = readFileSync('f');\n"})
	var out, errb bytes.Buffer
	code := runWith(t.Context(), []string{"--format", "json", "--fail-level", "none", dir}, []*lint.Rule{relatedRule}, &out, &errb)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	type rng struct {
		File                             string
		Line, Column, EndLine, EndColumn int
	}
	var doc struct {
		Diagnostics []struct {
			Rule, Severity, Message string
			rng
			Path []struct {
				File, Label  string
				Line, Column int
			}
			Related []struct {
				rng
				Message string
			}
			Fixes []struct {
				Message string
				Edits   []struct {
					rng
					NewText string
				}
			}
		}
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Diagnostics) != 3 {
		t.Fatalf("want 3 diagnostics:\n%s", out.String())
	}
	empty := doc.Diagnostics[0]
	if empty.File != "a.ts" || empty.Line != 1 || empty.Column != 1 || empty.EndLine != 1 || empty.EndColumn != 1 || empty.Severity != "warning" {
		t.Errorf("End = NoPos: %+v", empty)
	}
	d := doc.Diagnostics[2]
	if d.File != "b.ts" || d.Line != 2 || d.Column != 11 || d.EndColumn != 23 || d.Severity != "note" || d.Rule != "test/related" {
		t.Errorf("primary: %+v", d)
	}
	if len(d.Path) != 2 || d.Path[0].File != "a.ts" || d.Path[0].Label != "Entry.handle" || d.Path[1].Label != "Here.call" || d.Path[1].Line != 2 {
		t.Errorf("path: %+v", d.Path)
	}
	if len(d.Related) != 1 || d.Related[0].File != "a.ts" || d.Related[0].Message != "see the other file" || d.Related[0].EndColumn != 7 {
		t.Errorf("related: %+v", d.Related)
	}
	if len(d.Fixes) != 1 || d.Fixes[0].Message != "use readFile" || len(d.Fixes[0].Edits) != 1 ||
		d.Fixes[0].Edits[0].File != "b.ts" || d.Fixes[0].Edits[0].Column != 11 || d.Fixes[0].Edits[0].NewText != "readFile" {
		t.Errorf("fixes: %+v", d.Fixes)
	}
}
