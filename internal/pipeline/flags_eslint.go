package pipeline

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/nestlint/nestlint/report"
	"github.com/nestlint/nestlint/rules/lint"
)

// ESLintOptions are the flags a user of eslint or oxlint already knows
// (docs/cli.md has the table of equivalents).
type ESLintOptions struct {
	errorsOnly     bool     // --quiet: report errors only
	maxWarnings    int      // --max-warnings N; -1 when not given
	only, skip     []string // --only ID, --skip ID (globs over rule ids)
	color          bool     // --color
	ignorePatterns []string // --ignore-pattern GLOB, gitignore-style, relative to the current folder
	noIgnore       bool     // --no-ignore
	PrintConfig    string   // --print-config FILE

	forced  map[string]bool // rule ids --only selected: on even where a config turns them off
	ignores *ignoreMatcher  // the compiled --ignore-pattern globs
}

// Register adds the flags to fs; -f is --format.
func (e *ESLintOptions) Register(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.Format, "f", "text", "output format (--format)")
	fs.StringVar(&o.Config, "c", "", "configuration file (--config)")
	fs.BoolVar(&e.errorsOnly, "quiet", false, "report errors only (warnings and notes are not shown)")
	fs.IntVar(&e.maxWarnings, "max-warnings", -1, "exit 1 when there are more than `N` warnings")
	fs.Func("only", "run only the rules matching `ID` (a rule id or a glob such as event-loop/*); repeatable", func(s string) error {
		e.only = append(e.only, s)
		return nil
	})
	fs.Func("skip", "do not run the rules matching `ID`; repeatable", func(s string) error {
		e.skip = append(e.skip, s)
		return nil
	})
	fs.BoolVar(&e.color, "color", false, "colour in text output even when stdout is not a terminal")
	fs.Func("ignore-pattern", "do not report files matching `GLOB` (gitignore syntax, relative to the current folder); repeatable", func(s string) error {
		e.ignorePatterns = append(e.ignorePatterns, s)
		return nil
	})
	fs.BoolVar(&e.noIgnore, "no-ignore", false, "disable the config's ignore globs and --ignore-pattern")
	fs.StringVar(&e.PrintConfig, "print-config", "", "print the configuration that applies to `FILE` as JSON and exit")
}

// Check validates the flags once parsed; it runs after the others are.
func (e *ESLintOptions) Check(fs *flag.FlagSet, o *options) error {
	if e.maxWarnings < -1 {
		return fmt.Errorf("--max-warnings must be 0 or more, not %d", e.maxWarnings)
	}
	failLevelSet := false
	fs.Visit(func(f *flag.Flag) { failLevelSet = failLevelSet || f.Name == "fail-level" })
	if e.maxWarnings >= 0 && !failLevelSet {
		// eslint's semantics: warnings fail the run only above the limit.
		o.FailLevel = lint.Error
	}
	for _, p := range append(append([]string{}, e.only...), e.skip...) {
		if p == "" {
			return errors.New("--only and --skip need a rule id or glob")
		}
		if _, err := path.Match(p, ""); err != nil {
			return fmt.Errorf("invalid rule glob %q: %v", p, err)
		}
	}
	if len(e.ignorePatterns) > 0 {
		wd, err := os.Getwd()
		if err != nil {
			return err
		}
		if e.ignores, err = newIgnoreMatcher(wd, e.ignorePatterns); err != nil {
			return err
		}
	}
	return nil
}

// selectRules applies --only and --skip to the rules a run would run
// (enabled) out of all rules. A pattern that matches no rule is a usage
// error with a suggestion.
func (e *ESLintOptions) selectRules(enabled, all []*lint.Rule) ([]*lint.Rule, error) {
	if len(e.only) == 0 && len(e.skip) == 0 {
		return enabled, nil
	}
	match := func(flagName string, pats []string) (map[string]bool, error) {
		ids := map[string]bool{}
		for _, p := range pats {
			n := 0
			for _, r := range all {
				if ok, _ := path.Match(p, r.ID); ok || p == r.ID || p == r.Name {
					ids[r.ID] = true
					n++
				}
			}
			if n == 0 {
				if s := suggestPattern(p, all); s != "" {
					return nil, fmt.Errorf("--%s %s: no rule matches; did you mean %s?", flagName, p, s)
				}
				return nil, fmt.Errorf("--%s %s: no rule matches (nestlint rules lists them)", flagName, p)
			}
		}
		return ids, nil
	}
	only, err := match("only", e.only)
	if err != nil {
		return nil, err
	}
	skip, err := match("skip", e.skip)
	if err != nil {
		return nil, err
	}
	var out []*lint.Rule
	if len(e.only) > 0 {
		e.forced = only
		for _, r := range all {
			if only[r.ID] && !skip[r.ID] {
				out = append(out, r)
			}
		}
		return out, nil
	}
	for _, r := range enabled {
		if !skip[r.ID] {
			out = append(out, r)
		}
	}
	return out, nil
}

// suggestPattern returns the rule id, or for "family/*" the family
// wildcard, closest to a pattern that matched nothing, or "".
func suggestPattern(p string, all []*lint.Rule) string {
	fam, ok := strings.CutSuffix(p, "/*")
	if !ok {
		return suggest(p, all)
	}
	best, bestDist := "", -1
	for _, r := range all {
		f, _, _ := strings.Cut(r.ID, "/")
		if d := editDistance(strings.ToLower(fam), f); bestDist < 0 || d < bestDist {
			best, bestDist = f+"/*", d
		}
	}
	if bestDist < 0 || bestDist > max(2, len(fam)/3) {
		return ""
	}
	return best
}

// countWarnings returns the number of warnings --max-warnings counts:
// neither suppressed nor baselined (filters.go, step 12).
func countWarnings(ds []report.Diagnostic) (warnings int) {
	for i := range ds {
		d := &ds[i]
		if !d.Suppressed && d.BaselineState != "unchanged" && d.Severity == lint.Warning {
			warnings++
		}
	}
	return warnings
}

// exit applies --max-warnings to the exit code of the run.
func (e *ESLintOptions) exit(code, warnings int, o *options, stderr io.Writer) int {
	if e.maxWarnings < 0 || warnings <= e.maxWarnings {
		return code
	}
	fmt.Fprintf(stderr, "nestlint: too many warnings: %d (--max-warnings %d)\n", warnings, e.maxWarnings)
	if code == exitOK && !o.ExitZero {
		return exitFindings
	}
	return code
}

// colorFor reports whether text output to w gets colours. In order of
// precedence: --no-color, --color, FORCE_COLOR (any value but "0" or
// "false" forces colour, those two turn it off), NO_COLOR (any non-empty
// value turns it off), CLICOLOR_FORCE (any non-empty value but "0"
// forces colour), and else colour when w is a terminal. FORCE_COLOR
// wins over NO_COLOR as it does for Node.js. Output written with -o never
// gets colours.
func (o *options) colorFor(w io.Writer) bool {
	switch {
	case o.Output != "" || o.NoColor:
		return false
	case o.ES.color:
		return true
	}
	if v, ok := os.LookupEnv("FORCE_COLOR"); ok {
		return v != "0" && v != "false"
	}
	if os.Getenv("NO_COLOR") != "" {
		return false
	}
	if v := os.Getenv("CLICOLOR_FORCE"); v != "" && v != "0" {
		return true
	}
	return useColor(w, false)
}

// ignoreMatcher matches paths against gitignore-style patterns relative to
// a base folder: a pattern without a slash (other than a trailing one)
// matches at any depth, a leading slash anchors it to the base, a
// trailing slash matches folders only, a leading ! re-includes, and the
// last matching pattern decides. A folder that matches covers what is
// under it.
type ignoreMatcher struct {
	base string
	pats []ignorePattern
}

type ignorePattern struct {
	glob    string
	neg     bool
	dirOnly bool
}

func newIgnoreMatcher(base string, pats []string) (*ignoreMatcher, error) {
	m := &ignoreMatcher{base: base}
	for _, raw := range pats {
		p := ignorePattern{}
		s := filepath.ToSlash(raw)
		if rest, ok := strings.CutPrefix(s, "!"); ok {
			p.neg, s = true, rest
		}
		if rest, ok := strings.CutSuffix(s, "/"); ok {
			p.dirOnly, s = true, rest
		}
		s = strings.TrimPrefix(s, "./")
		switch {
		case strings.HasPrefix(s, "/"):
			s = strings.TrimLeft(s, "/")
		case !strings.Contains(s, "/"):
			s = "**/" + s
		}
		if s == "" || s == "**/" || !doublestar.ValidatePattern(s) {
			return nil, fmt.Errorf("--ignore-pattern: invalid pattern %q", raw)
		}
		p.glob = s
		m.pats = append(m.pats, p)
	}
	return m, nil
}

// match reports whether abs (absolute) is ignored.
func (m *ignoreMatcher) match(abs string) bool {
	if m == nil {
		return false
	}
	rel, err := filepath.Rel(m.base, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return false
	}
	rel = filepath.ToSlash(rel)
	ignored := false
	for _, p := range m.pats {
		if p.matches(rel) {
			ignored = !p.neg
		}
	}
	return ignored
}

// matches reports whether the pattern matches the file rel or one of its
// folders.
func (p ignorePattern) matches(rel string) bool {
	if !p.dirOnly {
		if ok, _ := doublestar.Match(p.glob, rel); ok {
			return true
		}
	}
	for dir := path.Dir(rel); dir != "." && dir != "/"; dir = path.Dir(dir) {
		if ok, _ := doublestar.Match(p.glob, dir); ok {
			return true
		}
	}
	return false
}
