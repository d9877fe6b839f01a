package redos

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/internal/regex"
	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

// Rule is event-loop/redos.
var Rule = lint.NewRule(lint.Meta{
	ID: "event-loop/redos", Name: "redos", SARIFName: "ExponentialRegexBacktracking",
	Severity: lint.Error, Tags: []string{"performance", "security", "reliability"}, Precision: lint.High,
	Since: "v0.1.0", SecuritySeverity: "7.5",
}, doc, run, nest.Analyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

// appliers are the methods that run a regex: on the regex, or taking it.
var (
	onRegex   = map[string]bool{"test": true, "exec": true}
	takeRegex = map[string]bool{"match": true, "matchAll": true, "replace": true, "replaceAll": true, "split": true, "search": true}
)

// site is one place a regex is applied.
type site struct {
	fn   nest.FuncRef
	span parser.Span
	what string
	// subject is the root identifier of the string the regex runs on
	// (`re.test(q)`, `q.replace(re, ...)`: "q"), when known.
	subject string
}

type vuln struct {
	fi    nest.FileID
	re    *parser.Regex
	root  *regex.Node
	exp   bool // a proven exponential finding (f, proof)
	f     regex.Finding
	proof regex.Proof
	sites []site
}

// Work budgets of the analysis, in regex analysis steps (regex.MaxWork,
// a few hundred milliseconds, is the most one regex gets): a file and the
// whole run get a total, so that hundreds of medium regexes cannot make
// the run take minutes. A regex analysed with less than it needed is
// counted in a notice naming its file.
var (
	fileBudget = 2 * regex.MaxWork
	runBudget  = 10 * regex.MaxWork
)

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	var vulns []*vuln
	byVar := map[nest.Decl][]*vuln{}     // constants, module-level or local
	byFieldName := map[string][]*vuln{}  // "file:class:field" for this.<field> regexes
	analyzed := map[string]patternInfo{} // by flags + "/" + pattern
	runLeft := runBudget
	env := lint.EnvOf(pass)
	for fi, file := range m.AllFiles() {
		lint.Guard(pass, file.Path, func() {
			f := file.Facts
			if m.IsOffline(fi) {
				return
			}
			fileLeft := fileBudget
			short := 0 // regexes analysed with too little work
			defer func() {
				if short > 0 {
					env.AddNotice(lint.Notice{Level: lint.Note, File: file.Path, Message: budgetNotice(short, fileLeft, runLeft)})
				}
			}()
			for ri := range f.Regexes {
				r := &f.Regexes[ri]
				a, ok := analyzed[r.Flags+"/"+r.Pattern]
				if !ok {
					if min(fileLeft, runLeft) <= 0 {
						short++ // not even the automaton is built
						continue
					}
					var work regex.Work
					a, work = analyze(r.Pattern, r.Flags, min(fileLeft, runLeft))
					fileLeft -= work.Spent
					runLeft -= work.Spent
					if work.Exhausted {
						short++ // and not cached: another file may have the budget to finish it
					} else {
						analyzed[r.Flags+"/"+r.Pattern] = a
					}
				}
				if a.root == nil {
					continue // not a valid pattern
				}
				v := &vuln{fi: fi, re: r, root: a.root, exp: a.exp, f: a.f, proof: a.proof}
				if !v.exp && !mayLoop(r.Pattern) {
					continue // no loop, no polynomial backtracking either
				}
				vulns = append(vulns, v)
				switch {
				case r.Applied != "":
					v.sites = append(v.sites, site{fn: nest.FuncRef{File: fi, Index: nest.FuncID(r.Func)}, span: r.Span, what: r.Applied, subject: literalSubject(f, r)})
				case strings.HasPrefix(r.Var, "this."):
					key := fmt.Sprintf("%d:%d:%s", fi, classAt(f, r.Span), strings.TrimPrefix(r.Var, "this."))
					byFieldName[key] = append(byFieldName[key], v)
				case r.Var != "":
					d := m.Resolve(fi, nest.FuncID(r.Func), r.Var)
					if d.Kind == nest.DeclLocal {
						d = nest.Decl{Kind: nest.DeclLocal, File: fi, Index: r.Func, Name: r.Var}
					}
					byVar[d] = append(byVar[d], v)
				}
			}
		})
	}
	if len(vulns) == 0 {
		return nil, nil
	}
	// Find where named regexes are applied, in every file.
	for fi, file := range m.AllFiles() {
		lint.Guard(pass, file.Path, func() {
			f := file.Facts
			for ci := range f.Calls {
				c := &f.Calls[ci]
				var name, subject string
				switch {
				case onRegex[c.Method] && len(c.Path) >= 2:
					name = strings.Join(c.Path[:len(c.Path)-1], ".")
					if len(c.Args) > 0 && len(c.Args[0].Refs()) > 0 {
						subject = c.Args[0].Refs()[0]
					}
				case takeRegex[c.Method] && len(c.Args) > 0 && c.Args[0].Kind == parser.VIdent:
					name = c.Args[0].Text
					if len(c.Path) >= 2 && c.Path[0] != "this" {
						subject = c.Path[0]
					}
				default:
					continue
				}
				fr := nest.FuncRef{File: fi, Index: nest.FuncID(c.Func)}
				var hits []*vuln
				if rest, ok := strings.CutPrefix(name, "this."); ok && !strings.Contains(rest, ".") && c.Func >= 0 {
					cls := f.Funcs[c.Func].Class
					hits = byFieldName[fmt.Sprintf("%d:%d:%s", fi, cls, rest)]
				} else if !strings.Contains(name, ".") {
					d := m.Resolve(fi, nest.FuncID(c.Func), name)
					if d.Kind == nest.DeclLocal {
						// a regex const declared in this function or an enclosing one
						for cur := c.Func; cur >= 0; cur = f.Funcs[cur].Parent {
							if vs, ok := byVar[nest.Decl{Kind: nest.DeclLocal, File: fi, Index: cur, Name: name}]; ok {
								hits = vs
								break
							}
						}
					} else {
						hits = byVar[d]
					}
				}
				for _, v := range hits {
					v.sites = append(v.sites, site{fn: fr, span: c.Span, what: c.Method, subject: subject})
				}
			}
			// class-validator @Matches(/re/) runs on every validated request body
			for ci := range f.Classes {
				for _, fd := range f.Classes[ci].Fields {
					for _, d := range fd.Decorators {
						if d.Name != "Matches" {
							continue
						}
						for _, a := range d.Args {
							for _, v := range vulns {
								if v.fi == fi && a.Span.Start <= v.re.Start && v.re.End <= a.Span.End {
									v.sites = append(v.sites, site{fn: nest.FuncRef{File: fi, Index: -2}, span: d.Span, what: "@Matches"})
								}
							}
						}
					}
				}
			}
		})
	}
	polys := map[string]*polyResult{} // by flags + "/" + pattern
	for _, v := range vulns {
		lint.Guard(pass, m.Files[v.fi].Path, func() {
			if v.exp {
				report(pass, m, v)
			} else {
				reportPolynomial(pass, m, v, polys)
			}
		})
	}
	return nil, nil
}

// patternInfo is what a pattern is, whatever place it is written in.
type patternInfo struct {
	root  *regex.Node // nil when the pattern does not parse
	exp   bool
	f     regex.Finding
	proof regex.Proof
}

func analyze(pattern, flags string, steps int) (patternInfo, regex.Work) {
	root, err := regex.Parse(pattern, flags)
	if err != nil {
		return patternInfo{}, regex.Work{}
	}
	out := patternInfo{root: root}
	res, bad, work := regex.AnalyzeTreeWithin(root, pattern, steps)
	if bad {
		// Only a measured attack counts: the automaton over-approximates
		// (lookarounds, alternative priority), a matcher does not.
		proof, measured := res.Measured()
		if !measured {
			proof = regex.Prove(root, res)
		}
		if proof.Proven {
			out.exp, out.f, out.proof = true, res, proof
		}
	}
	return out, work
}

// mayLoop is a cheap filter: a pattern without an unbounded quantifier
// cannot backtrack polynomially.
func mayLoop(p string) bool { return strings.ContainsAny(p, "*+") || strings.Contains(p, ",}") }

// literalSubject finds the string a regex literal applied in place runs
// on: `/x/.test(s)` gives "s", `s.replace(/x/, ”)` gives "s".
func literalSubject(f *parser.Facts, r *parser.Regex) string {
	for ci := range f.Calls {
		c := &f.Calls[ci]
		if c.Method != r.Applied || c.Func != r.Func {
			continue
		}
		if c.Callee.Start <= r.Start && r.End <= c.Callee.End { // /x/.test(s)
			if len(c.Args) > 0 && len(c.Args[0].Refs()) > 0 {
				return c.Args[0].Refs()[0]
			}
			return ""
		}
		if len(c.Args) > 0 && c.Args[0].Start <= r.Start && r.End <= c.Args[0].End { // s.replace(/x/, ...)
			if len(c.Path) >= 2 && c.Path[0] != "this" {
				return c.Path[0]
			}
			return ""
		}
	}
	return ""
}

// requestInput reports whether a site runs its regex on request input:
// class-validator's @Matches (every validated body), or a parameter of a
// function on the request path.
func requestInput(m *nest.Model, s *site) (string, bool) {
	if s.fn.Index == -2 {
		return "every request body", true
	}
	if s.subject == "" || s.fn.Index < 0 || m.ContextOf(s.fn) != nest.Request {
		return "", false
	}
	f := m.Files[s.fn.File].Facts
	for g := s.fn.Index; g >= 0; g = nest.FuncID(f.Funcs[g].Parent) {
		for _, p := range f.Funcs[g].Params {
			if p.Name == s.subject {
				return fmt.Sprintf("parameter `%s`", p.Name), true
			}
		}
	}
	return "", false
}

// reportPolynomial reports a regex that backtracks polynomially, at note
// level and only when it runs on request input: an attacker controls the
// length, and a 100 kB body makes a quadratic regex take seconds.
type polyResult struct {
	f  regex.PolyFinding
	ok bool
}

func reportPolynomial(pass *analysis.Pass, m *nest.Model, v *vuln, cache map[string]*polyResult) {
	var best *site
	var input string
	for i := range v.sites {
		if in, ok := requestInput(m, &v.sites[i]); ok {
			best, input = &v.sites[i], in
			break
		}
	}
	if best == nil {
		return
	}
	key := v.re.Flags + "/" + v.re.Pattern
	res := cache[key]
	if res == nil {
		res = &polyResult{}
		res.f, res.ok = regex.Polynomial(v.root)
		cache[key] = res
	}
	if !res.ok {
		return
	}
	pf := res.f
	file := m.Files[v.fi]
	shown := shownRegex(v)
	var opts []lint.Option
	where := "`@Matches` applies it"
	if best.fn.Index == -2 {
		opts = append(opts, lint.WithRelated(file.Pos(best.span.Start), file.Pos(best.span.End), "applied here by class-validator"))
	} else {
		path := m.PathTo(best.fn)
		sf := m.Files[best.fn.File]
		where = fmt.Sprintf("`.%s` applies it on the request path to %s", best.what, input)
		opts = append(opts, lint.WithPath(m.StepsFor(path)), lint.WithRelated(sf.Pos(best.span.Start), sf.Pos(best.span.End), "applied here"))
	}
	if best.fn.Index == -2 {
		where += " to " + input
	}
	opts = append(opts,
		lint.WithProperty("attack", regex.QuoteJS(pf.Prefix+strings.Repeat(pf.Pump, 256)+pf.Suffix)),
		lint.WithProperty("attackExpression", pf.AttackExpr()),
		lint.WithProperty("degree", fmt.Sprint(pf.Degree)),
		lint.WithProperty("stepGrowthPerDoubling", fmt.Sprintf("%.2f", pf.Growth)),
		lint.WithProperty("measured", pf.String()))
	lint.Report(pass, lint.Note, file.Pos(v.re.Start), file.Pos(v.re.End),
		short(fmt.Sprintf("regex %s takes n^%d steps on %s, and %s", shown, pf.Degree, lint.QuoteMax(pf.AttackExpr(), 40), where), "; bound the input length (`@MaxLength`)"), opts...)
}

// classAt returns the class whose span holds the offset, or -1.
func classAt(f *parser.Facts, s parser.Span) int {
	best := -1
	for i, c := range f.Classes {
		if c.Start <= s.Start && s.End <= c.End {
			if best < 0 || f.Classes[best].Start < c.Start {
				best = i
			}
		}
	}
	return best
}

func report(pass *analysis.Pass, m *nest.Model, v *vuln) {
	file := m.Files[v.fi]
	pos, end := file.Pos(v.re.Start), file.Pos(v.re.End)
	shown := shownRegex(v)
	why := "regex " + shown + " backtracks exponentially on " + lint.QuoteMax(v.f.AttackExpr(), 40)
	fix := "; rewrite the group " + lint.QuoteMax(v.f.Fragment, 24)
	// the most severe application site decides
	var best *site
	bestCtx := nest.Unknown
	for i := range v.sites {
		s := &v.sites[i]
		ctx := nest.Request
		if s.fn.Index != -2 {
			ctx = m.ContextOf(s.fn)
		}
		if best == nil || rank(ctx) > rank(bestCtx) {
			best, bestCtx = s, ctx
		}
	}
	sev := lint.Warning
	where := " (not applied on a known request path)"
	var opts []lint.Option
	switch {
	case best != nil && bestCtx == nest.Offline:
		return
	case best != nil && bestCtx == nest.Request && best.fn.Index == -2:
		sev = lint.Error
		where = " in `@Matches` on every request body"
		opts = append(opts, lint.WithRelated(file.Pos(best.span.Start), file.Pos(best.span.End), "applied here by class-validator"))
	case best != nil && bestCtx == nest.Request:
		sev = lint.Error
		path := m.PathTo(best.fn)
		sf := m.Files[best.fn.File]
		where = fmt.Sprintf(" in `.%s` on the request path", best.what)
		opts = append(opts, lint.WithPath(m.StepsFor(path)), lint.WithRelated(sf.Pos(best.span.Start), sf.Pos(best.span.End), "applied here"))
	case best != nil:
		where = m.Where(best.fn, bestCtx)
		sf := m.Files[best.fn.File]
		opts = append(opts, lint.WithRelated(sf.Pos(best.span.Start), sf.Pos(best.span.End), "applied here"))
	}
	opts = append(opts,
		lint.WithProperty("attack", v.f.Attack),
		lint.WithProperty("attackExpression", v.f.AttackExpr()),
		lint.WithProperty("stepGrowthPerPump", fmt.Sprintf("%.2f", v.proof.Growth)),
		lint.WithProperty("measured", v.proof.String()))
	lint.Report(pass, sev, pos, end, short(why+where, fix), opts...)
}

// shownRegex is the regex as a message shows it: user code, so quoted
// (lint.QuoteMax keeps GitHub from rendering Markdown or HTML from it)
// and shortened; the finding's position shows all of it.
func shownRegex(v *vuln) string {
	if v.re.FromCtor {
		return lint.QuoteMax("new RegExp("+fmt.Sprintf("%q", v.re.Pattern)+")", 32)
	}
	return lint.QuoteMax("/"+v.re.Pattern+"/"+v.re.Flags, 24)
}

// maxMessage is the longest message the rule writes with its fix: a
// long regex, attack and function name leave out the fix (the docs have
// it) rather than run on.
const maxMessage = 160

// short returns what+fix, or what alone when that would be too long.
func short(what, fix string) string {
	if utf8.RuneCountInString(what+fix) > maxMessage {
		return what
	}
	return what + fix
}

func rank(c nest.Context) int {
	switch c {
	case nest.Request:
		return 4
	case nest.Startup, nest.Shutdown:
		return 2
	case nest.Unknown:
		return 1
	}
	return 0
}

// budgetNotice says how many regexes of a file were not fully analysed,
// and which budget ran out.
func budgetNotice(n, fileLeft, runLeft int) string {
	which := "the work budget of one regex"
	switch {
	case runLeft <= 0:
		which = "the work budget of the run"
	case fileLeft <= 0:
		which = "the work budget of the file"
	}
	what := "1 regex was"
	if n > 1 {
		what = strconv.Itoa(n) + " regexes were"
	}
	return "event-loop/redos: " + what + " not fully analysed (" + which + " ran out): a catastrophic backtracking pattern may be missed"
}
