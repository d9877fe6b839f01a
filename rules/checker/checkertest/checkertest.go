// Package checkertest runs a rule over small TypeScript projects and checks
// its findings against `// want "regexp"` comments, in the spirit of
// golang.org/x/tools/go/analysis/analysistest.
//
// A case is a folder testdata/src/<case>/ holding a project (any number of
// .ts files, tsconfig.json, Dockerfiles). A comment `// want "re"` (or
// `/* want "re" */`, several quoted regexps allowed) at the end of a line
// expects one finding that starts on that line and whose message (prefixed
// by its severity, "error: ...") matches each regexp. Unexpected findings
// and unmet wants both fail the test. RunWithSuggestedFixes also applies
// the findings' suggested fixes and compares the files with their
// "<file>.golden" copies.
package checkertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/checker"
	"github.com/nestlint/nestlint/rules/lint"
)

// TestData returns the absolute path of ./testdata.
func TestData() string {
	d, err := filepath.Abs("testdata")
	if err != nil {
		panic(err)
	}
	return d
}

// Finding is a finding as the harness sees it.
type Finding struct {
	File    string // relative to the case folder
	Line    int
	Col     int
	Text    string // "severity: message"
	Path    []string
	Related []string
	// Properties are the result properties (lint.WithProperty).
	Properties map[string]string
}

func (f Finding) String() string {
	s := fmt.Sprintf("%s:%d:%d: %s", f.File, f.Line, f.Col, f.Text)
	if len(f.Path) > 0 {
		s += " (via " + strings.Join(f.Path, " -> ") + ")"
	}
	return s
}

// Options tune a run.
type Options struct {
	Settings *lint.Settings
}

// RunCase lints one case folder with the given rules and returns the
// findings, sorted. Every finding's message must pass MessageProblems.
func RunCase(t testing.TB, dir string, rules []*lint.Rule, opts Options) ([]Finding, *checker.Result) {
	t.Helper()
	d, err := parser.Discover([]string{dir})
	if err != nil {
		t.Fatalf("discover %s: %v", dir, err)
	}
	s := opts.Settings
	if s == nil {
		s = &lint.Settings{}
	}
	if s.Root == "" {
		s.Root = dir
	}
	res, err := checker.Run(context.Background(), d.Files, d.Extra, rules, checker.Options{Jobs: 2, Settings: s})
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	for _, e := range res.Errors {
		t.Errorf("tool error in %s (%s): %s", e.Analyzer, e.File, e.Message)
	}
	res.Parse.SetLines() // the file set has no line tables otherwise (parser.File.SetLines)
	var out []Finding
	for _, f := range res.Findings {
		g := toFinding(res, dir, f)
		for _, p := range MessageProblems(f.Diagnostic.Message, g.Path) {
			t.Errorf("%s:%d: %s: %s", g.File, g.Line, p, f.Diagnostic.Message)
		}
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return out[i].File < out[j].File
		}
		if out[i].Line != out[j].Line {
			return out[i].Line < out[j].Line
		}
		return out[i].Text < out[j].Text
	})
	return out, res
}

func toFinding(res *checker.Result, dir string, f checker.Finding) Finding {
	d := f.Diagnostic
	p := res.Parse.Fset.Position(d.Pos)
	rel, _ := filepath.Rel(dir, p.Filename)
	out := Finding{File: filepath.ToSlash(rel), Line: p.Line, Col: p.Column, Text: f.Severity.String() + ": " + d.Message}
	for _, p := range f.Properties {
		if out.Properties == nil {
			out.Properties = map[string]string{}
		}
		out.Properties[p.Key] = p.Value
	}
	for _, s := range f.Path {
		out.Path = append(out.Path, s.Label)
	}
	for _, r := range d.Related {
		rp := res.Parse.Fset.Position(r.Pos)
		rr, _ := filepath.Rel(dir, rp.Filename)
		out.Related = append(out.Related, fmt.Sprintf("%s:%d: %s", filepath.ToSlash(rr), rp.Line, r.Message))
	}
	return out
}

type want struct {
	file string
	line int
	res  []*regexp.Regexp
	met  bool
}

var wantRE = regexp.MustCompile(`(?://|/\*)\s*want\s+((?:"(?:[^"\\]|\\.)*"\s*)+)`)
var quotedRE = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

func readWants(t testing.TB, dir string) []*want {
	var ws []*want
	err := filepath.WalkDir(dir, func(path string, de os.DirEntry, err error) error {
		if err != nil || de.IsDir() || !parser.IsSource(path) {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		for i, line := range strings.Split(string(data), "\n") {
			m := wantRE.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			w := &want{file: filepath.ToSlash(rel), line: i + 1}
			for _, q := range quotedRE.FindAllString(m[1], -1) {
				s, err := strconv.Unquote(q)
				if err != nil {
					t.Fatalf("%s:%d: bad want %s: %v", rel, i+1, q, err)
				}
				re, err := regexp.Compile(s)
				if err != nil {
					t.Fatalf("%s:%d: bad want regexp %q: %v", rel, i+1, s, err)
				}
				w.res = append(w.res, re)
			}
			ws = append(ws, w)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ws
}

// Run lints each case folder testdata/src/<case> with analyzer a's rule
// and checks the findings against the `// want` comments.
func Run(t *testing.T, testdata string, rule *lint.Rule, cases ...string) {
	t.Helper()
	RunWith(t, testdata, []*lint.Rule{rule}, Options{}, cases...)
}

// RunWith is Run with several rules and options.
func RunWith(t *testing.T, testdata string, rules []*lint.Rule, opts Options, cases ...string) {
	t.Helper()
	for _, c := range cases {
		t.Run(c, func(t *testing.T) {
			dir := filepath.Join(testdata, "src", c)
			got, _ := RunCase(t, dir, rules, opts)
			checkWants(t, dir, got)
		})
	}
}

// RunWithSuggestedFixes is Run that also applies the suggested fixes of
// the findings, like analysistest.RunWithSuggestedFixes: every file a fix
// edits must have a "<file>.golden" next to it holding the fixed text,
// and every .golden file of a case must match its file after the fixes
// (so a fix that disappears fails too). Edits that overlap fail, as does
// a fix without a message or a rule that offers fixes without saying so
// (lint.Meta.Fixable).
func RunWithSuggestedFixes(t *testing.T, testdata string, rule *lint.Rule, cases ...string) {
	t.Helper()
	for _, c := range cases {
		t.Run(c, func(t *testing.T) {
			dir := filepath.Join(testdata, "src", c)
			got, res := RunCase(t, dir, []*lint.Rule{rule}, Options{})
			checkWants(t, dir, got)
			checkFixes(t, dir, rule, res)
		})
	}
}

func checkWants(t *testing.T, dir string, got []Finding) {
	t.Helper()
	wants := readWants(t, dir)
	var unexpected []Finding
	for _, g := range got {
		matched := false
		for _, w := range wants {
			if w.met || w.file != g.File || w.line != g.Line {
				continue
			}
			ok := true
			for _, re := range w.res {
				if !re.MatchString(g.Text) && !re.MatchString(g.String()) {
					ok = false
				}
			}
			if ok {
				w.met, matched = true, true
				break
			}
		}
		if !matched {
			t.Errorf("unexpected finding: %s", g)
			unexpected = append(unexpected, g)
		}
	}
	var unmet []*want
	for _, w := range wants {
		if !w.met {
			t.Errorf("%s:%d: no finding matched want %v", w.file, w.line, w.res)
			unmet = append(unmet, w)
		}
	}
	if os.Getenv(UpdateEnv) != "" {
		updateWants(t, dir, unexpected, unmet)
	}
}

// fixEdit is one text edit of a suggested fix, in byte offsets.
type fixEdit struct {
	start, end int
	text       string
}

func checkFixes(t *testing.T, dir string, rule *lint.Rule, res *checker.Result) {
	t.Helper()
	edits := map[string][]fixEdit{} // by absolute path
	for _, f := range res.Findings {
		for _, fix := range f.Diagnostic.SuggestedFixes {
			if !rule.Fixable {
				t.Errorf("%s offers a fix but its metadata says Fixable: false", rule.ID)
			}
			if strings.TrimSpace(fix.Message) == "" {
				t.Errorf("a fix without a message")
			}
			for _, e := range fix.TextEdits {
				p := res.Parse.Fset.Position(e.Pos)
				end := p.Offset
				if e.End.IsValid() {
					end = res.Parse.Fset.Position(e.End).Offset
				}
				edits[p.Filename] = append(edits[p.Filename], fixEdit{p.Offset, end, string(e.NewText)})
			}
		}
	}
	var goldens []string
	err := filepath.WalkDir(dir, func(path string, de os.DirEntry, err error) error {
		if err == nil && !de.IsDir() && strings.HasSuffix(path, ".golden") {
			goldens = append(goldens, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for path := range edits {
		if _, err := os.Stat(path + ".golden"); err != nil {
			goldens = append(goldens, path+".golden") // reported missing below
		}
	}
	if len(goldens) == 0 {
		t.Errorf("no fixes and no .golden files: nothing to check")
	}
	sort.Strings(goldens)
	for _, g := range slices.Compact(goldens) {
		path := strings.TrimSuffix(g, ".golden")
		rel, _ := filepath.Rel(dir, path)
		want, err := os.ReadFile(g)
		if err != nil {
			t.Errorf("%s is edited by a fix but has no .golden file: %v", rel, err)
			continue
		}
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		got, err := applyEdits(src, edits[path])
		if err != nil {
			t.Errorf("%s: %v", rel, err)
			continue
		}
		if string(got) != string(want) {
			t.Errorf("%s after the fixes differs from %s.golden:\n%s", rel, rel, got)
		}
	}
}

// applyEdits applies edits to src; identical edits count once and
// overlapping ones are an error.
func applyEdits(src []byte, edits []fixEdit) ([]byte, error) {
	sort.Slice(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		return edits[i].end < edits[j].end
	})
	edits = slices.Compact(edits)
	var out []byte
	at := 0
	for i, e := range edits {
		if e.start < at || e.end < e.start || e.end > len(src) {
			return nil, fmt.Errorf("edit %d [%d,%d) overlaps another or leaves the file", i, e.start, e.end)
		}
		if i > 0 && e.start == edits[i-1].end && e.start == e.end && edits[i-1].start == edits[i-1].end {
			return nil, fmt.Errorf("two insertions at offset %d: their order is undefined", e.start)
		}
		out = append(out, src[at:e.start]...)
		out = append(out, e.text...)
		at = e.end
	}
	return append(out, src[at:]...), nil
}
