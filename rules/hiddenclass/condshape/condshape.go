package condshape

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

const ruleID = "hidden-class/conditional-shape"

// Rule is hidden-class/conditional-shape.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "condshape", SARIFName: "ConditionalInstanceShape",
	Severity: lint.Warning, Tags: []string{"performance"}, Precision: lint.Medium, Since: "v0.1.0",
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	for fi, file := range m.AllFiles() {
		if m.IsOffline(fi) || len(file.Facts.Classes) == 0 {
			continue
		}
		lint.Guard(pass, file.Path, func() { check(pass, m, fi, file) })
	}
	return nil, nil
}

// defines reports whether declared fields exist after construction in the
// file (define semantics), from the compiler facts of the model. Unreadable
// settings count as define: assume the field exists rather than guess.
func defines(m *nest.Model, fi nest.FileID) bool {
	cf := m.Compiler(fi)
	return cf == nil || cf.Define
}

// errorOwn are the own properties the Error constructor (which super()
// runs) gives every instance of an Error subclass.
var errorOwn = map[string]bool{"stack": true, "message": true}

// extendsError reports whether the class derives from Error, directly or
// through project classes, or from a library class named like an error
// (HttpException, RpcException, ValidationError).
func extendsError(m *nest.Model, ref nest.ClassRef) bool {
	for depth := 0; depth < 16; depth++ {
		ext := m.Class(ref).Extends
		base := ext[strings.LastIndex(ext, ".")+1:]
		if base == "Error" || strings.HasSuffix(base, "Error") || strings.HasSuffix(base, "Exception") {
			return true
		}
		info := m.Classes[ref]
		if info == nil || info.Base == nil {
			return false
		}
		ref = *info.Base
	}
	return false
}

func check(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File) {
	f := file.Facts
	define, decided := false, false
	for ci := range f.Classes {
		c := &f.Classes[ci]
		if c.Ctor < 0 {
			continue
		}
		always := map[string]bool{}
		for _, fd := range c.Fields {
			if fd.Static {
				continue
			}
			if fd.HasInit {
				always[fd.Name] = true
			} else if !fd.Declare && !fd.Abstract {
				if !decided {
					define, decided = defines(m, fi), true
				}
				if define {
					always[fd.Name] = true
				}
			}
		}
		for _, p := range f.Funcs[c.Ctor].Params {
			if p.Property {
				always[p.Name] = true
			}
		}
		if c.Extends != "" && extendsError(m, nest.ClassRef{File: fi, Index: nest.ClassID(ci)}) {
			for n := range errorOwn {
				always[n] = true
			}
		}
		condCount := map[string]int{}
		first := map[string]parser.Span{}
		var order []string
		for _, a := range f.Assigns {
			if a.Func != c.Ctor || len(a.Target) != 2 || a.Target[0] != "this" || a.Computed {
				continue
			}
			n := a.Target[1]
			if !a.Cond {
				always[n] = true
				continue
			}
			if condCount[n] == 0 {
				first[n] = a.Span
				order = append(order, n)
			}
			condCount[n]++
		}
		var names []string
		var opts []lint.Option
		for _, n := range order {
			// several conditional assignments: most likely every branch of an
			// if/else or switch assigns it
			if always[n] || condCount[n] > 1 {
				continue
			}
			names = append(names, "`this."+n+"`")
			s := first[n]
			opts = append(opts, lint.WithRelated(file.Pos(s.Start), file.Pos(s.End), "this."+n+" is added only on this branch"))
		}
		if len(names) == 0 {
			continue
		}
		s := first[strings.Trim(names[0], "`")[len("this."):]]
		fields, them := names[0], "it"
		if len(names) > 1 {
			fields = fmt.Sprintf("%s and %d more", names[0], len(names)-1)
		}
		if len(names) > 1 {
			them = "them"
		}
		lint.Report(pass, lint.Warning, file.Pos(s.Start), file.Pos(s.End),
			fmt.Sprintf("the constructor of `%s` sets %s only on some branches, so instances differ in shape; initialize %s (`= undefined`)",
				c.Name, fields, them), opts...)
	}
}
