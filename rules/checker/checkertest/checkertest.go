// Package checkertest runs a rule over small TypeScript projects and checks
// its findings against `// want "regexp"` comments, in the spirit of
// golang.org/x/tools/go/analysis/analysistest.
//
// A case is a folder testdata/src/<case>/ holding a project (any number of
// .ts files, tsconfig.json, Dockerfiles). A comment `// want "re"` (or
// `/* want "re" */`, several quoted regexps allowed) at the end of a line
// expects one finding that starts on that line and whose message (prefixed
// by its severity, "error: ...") matches each regexp. Unexpected findings
// and unmet wants both fail the test.
package checkertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
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

// RunCase lints one case folder with the given rules and returns the findings, sorted.
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
	var out []Finding
	for _, f := range res.Findings {
		out = append(out, toFinding(res, dir, f))
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
	for _, r := range d.Related {
		if k, v, ok := lint.Property(r.Message); ok {
			if out.Properties == nil {
				out.Properties = map[string]string{}
			}
			out.Properties[k] = v
			continue
		}
		if strings.HasPrefix(r.Message, lint.PathPrefix) {
			out.Path = append(out.Path, strings.TrimPrefix(r.Message, lint.PathPrefix))
		} else {
			rp := res.Parse.Fset.Position(r.Pos)
			rr, _ := filepath.Rel(dir, rp.Filename)
			out.Related = append(out.Related, fmt.Sprintf("%s:%d: %s", filepath.ToSlash(rr), rp.Line, r.Message))
		}
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
			wants := readWants(t, dir)
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
				}
			}
			for _, w := range wants {
				if !w.met {
					t.Errorf("%s:%d: no finding matched want %v", w.file, w.line, w.res)
				}
			}
		})
	}
}
