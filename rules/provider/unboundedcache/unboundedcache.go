package unboundedcache

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/rules/internal/leak"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

const ruleID = "provider/unbounded-cache"

// Rule is provider/unbounded-cache.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "unboundedcache", SARIFName: "UnboundedLongLivedCollection",
	Severity: lint.Warning, Tags: []string{"performance", "reliability"}, Precision: lint.Medium, Since: "v0.1.0",
}, doc, run, nest.Analyzer, leak.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	for _, c := range leak.Of(pass) {
		if !c.Unbounded(m) {
			continue
		}
		file := m.Files[c.File]
		lint.Guard(pass, file.Path, func() { report(pass, m, c) })
	}
	return nil, nil
}

func report(pass *analysis.Pass, m *nest.Model, c *leak.Collection) {
	file := m.Files[c.File]
	var opts []lint.Option
	var first *leak.Site
	for i := range c.Grows {
		s := &c.Grows[i]
		fr := s.Ref()
		if m.ContextOf(fr) != nest.Request {
			continue
		}
		if first == nil {
			first = s
		}
		sf := m.Files[s.File]
		opts = append(opts, lint.WithRelated(sf.Pos(s.Span.Start), sf.Pos(s.Span.End), fmt.Sprintf("grown here (`%s`) in `%s`", s.What, m.Label(fr))))
	}
	if first == nil {
		return
	}
	opts = append(opts, lint.WithPath(m.StepsFor(m.PathTo(first.Ref()))))
	const fix = "so memory only grows; use an LRU or a TTL"
	var msg string
	if c.Class >= 0 {
		cls := m.ClassName(nest.ClassRef{File: c.File, Index: nest.ClassID(c.Class)})
		subject := "`" + cls + "." + c.Name + "`"
		if in, ok := strings.CutPrefix(cls, "class in "); ok {
			subject = "`" + in + "`'s class field `" + c.Name + "`"
		}
		msg = fmt.Sprintf("%s, %s in a singleton, grows per request (`%s`) and is never pruned, %s",
			subject, article(c.Kind), first.What, fix)
	} else {
		msg = fmt.Sprintf("module-level %s `%s` grows per request (`%s`) and is never pruned, %s",
			c.Kind, c.Name, first.What, fix)
	}
	lint.Report(pass, lint.Warning, file.Pos(c.Decl.Start), file.Pos(c.Decl.End), msg, opts...)
}

// article prefixes a collection kind with its indefinite article.
func article(kind string) string {
	switch kind {
	case "array", "object":
		return "an " + kind
	}
	return "a " + kind
}
