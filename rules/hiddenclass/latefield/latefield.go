package latefield

import (
	"bytes"
	_ "embed"
	"fmt"
	"go/token"
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

const ruleID = "hidden-class/late-field"

// Rule is hidden-class/late-field.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "latefield", SARIFName: "FieldAssignedAfterConstruction",
	Severity: lint.Warning, Tags: []string{"performance"}, Precision: lint.High, Since: "v0.1.0",
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	configs := map[string]configFile{}
	for fi, file := range m.AllFiles() {
		if m.IsOffline(fi) || len(file.Facts.Classes) == 0 {
			continue
		}
		lint.Guard(pass, file.Path, func() { check(pass, m, fi, file, configs) })
	}
	return nil, nil
}

// erasure says why declared fields are erased in a file: the reason for
// the message, and the tsconfig setting that decided it.
type erasure struct {
	reason string
	// setting is the deciding setting for the message, in backticks, and
	// where it is set: "`target: ES2021` in `apps/api/tsconfig.app.json`".
	setting string
	site    *nest.Setting // where it is set, nil without a tsconfig
}

// eraseReason returns why declared fields are erased in file fi, from the
// compiler facts of the model, or ok false when they are kept (define
// semantics: always with SWC) or the settings cannot be read.
func eraseReason(m *nest.Model, fi nest.FileID) (erasure, bool) {
	cf := m.Compiler(fi)
	if cf == nil || cf.SWC || cf.Err != nil {
		return erasure{}, false
	}
	cfg := cf.Config
	if cfg != nil && cfg.Target == "" && cfg.UseDefineForClassFields == nil && len(cfg.Missing) > 0 {
		// A base that could not be read (@tsconfig/node20 without
		// node_modules) most likely sets the target: nothing is known.
		return erasure{}, false
	}
	if cf.Define {
		return erasure{}, false
	}
	e := erasure{reason: cf.Reason, site: cf.Setting}
	switch {
	case cfg == nil:
		e.setting = "no `tsconfig.json` (target ES5)"
	case cfg.UseDefineForClassFields != nil:
		e.setting = "`useDefineForClassFields: false` in " + lint.QuoteMax(cfg.DisplayPath(cf.Setting.File), lint.MaxMessageQuote)
	case cfg.Target != "":
		e.setting = "`target: " + cfg.Target + "` in " + lint.QuoteMax(cfg.DisplayPath(cf.Setting.File), lint.MaxMessageQuote)
	default:
		e.setting = "no `target` (ES5) in " + lint.QuoteMax(cfg.DisplayPath(cf.Setting.File), lint.MaxMessageQuote)
	}
	return e, true
}

// configFile is a tsconfig file given a token.File for related locations.
type configFile struct {
	tf  *token.File // nil when its text is unknown
	src []byte
}

// configLocation returns the span of the deciding setting's key in its
// tsconfig file (the file's start when the key is not found), giving the
// file a token.File once per pass; ok is false when its text is unknown.
// Build read the file (nest.Setting.Src).
func configLocation(pass *analysis.Pass, e erasure, configs map[string]configFile) (token.Pos, token.Pos, bool) {
	if e.site == nil {
		return token.NoPos, token.NoPos, false
	}
	cf, seen := configs[e.site.File]
	if !seen {
		if src := e.site.Src; src != nil {
			cf.tf = pass.Fset.AddFile(e.site.File, -1, len(src))
			cf.tf.SetLinesForContent(src)
			cf.src = src
		}
		configs[e.site.File] = cf
	}
	if cf.tf == nil {
		return token.NoPos, token.NoPos, false
	}
	if key := e.site.Key; key != "" {
		if i := bytes.Index(cf.src, []byte(`"`+key+`"`)); i >= 0 {
			return cf.tf.Pos(i), cf.tf.Pos(i + len(key) + 2), true
		}
	}
	return cf.tf.Pos(0), cf.tf.Pos(0), true
}

// lifecycleRank orders the methods Nest calls after construction.
var lifecycleRank = map[string]int{"onModuleInit": 0, "onApplicationBootstrap": 1}

type site struct {
	method string
	rank   int
	span   parser.Span
}

func check(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File, configs map[string]configFile) {
	f := file.Facts
	var why erasure
	erased, decided := false, false
	for ci := range f.Classes {
		c := &f.Classes[ci]
		cands := map[string]*parser.Field{}
		for i := range c.Fields {
			fd := &c.Fields[i]
			if fd.Static || fd.Declare || fd.Abstract || fd.HasInit || len(fd.Decorators) > 0 || fd.Name == "" || fd.Name[0] == '#' {
				continue
			}
			cands[fd.Name] = fd
		}
		if len(cands) == 0 {
			continue
		}
		if !decided {
			why, erased = eraseReason(m, fi)
			decided = true
		}
		if !erased {
			return
		}
		inCtor := ctorFuncs(f, ci)
		if c.Ctor >= 0 {
			for _, p := range f.Funcs[c.Ctor].Params {
				if p.Property {
					delete(cands, p.Name)
				}
			}
		}
		late := map[string]site{}
		for _, a := range f.Assigns {
			if len(a.Target) != 2 || a.Target[0] != "this" || a.Computed || a.Func < 0 {
				continue
			}
			fd := cands[a.Target[1]]
			if fd == nil {
				continue
			}
			meth := methodOf(f, a.Func, ci)
			if meth < 0 || f.Funcs[meth].Static {
				continue
			}
			if inCtor[meth] {
				if why := deferred(f, &a, meth, c.Ctor); why != "" {
					// started by the constructor, but runs after it returns
					s := site{method: why, rank: -1, span: a.Span}
					if old, ok := late[fd.Name]; !ok || s.rank < old.rank || s.rank == old.rank && s.span.Start < old.span.Start {
						late[fd.Name] = s
					}
					continue
				}
				delete(cands, a.Target[1])
				delete(late, a.Target[1])
				continue
			}
			mf := &f.Funcs[meth]
			name := "`" + mf.Name + "`"
			if mf.Kind == parser.FSetter {
				name = "setter " + name
			}
			rank, ok := lifecycleRank[mf.Name]
			if !ok {
				rank = 2
			}
			s := site{method: name, rank: rank, span: a.Span}
			if old, ok := late[fd.Name]; !ok || s.rank < old.rank || s.rank == old.rank && s.span.Start < old.span.Start {
				late[fd.Name] = s
			}
		}
		names := make([]string, 0, len(late))
		for n := range late {
			if cands[n] != nil {
				names = append(names, n)
			}
		}
		sort.Slice(names, func(i, j int) bool { return cands[names[i]].NameSpan.Start < cands[names[j]].NameSpan.Start })
		for _, n := range names {
			fd, s := cands[n], late[n]
			apos := file.Pos(s.span.Start)
			opts := []lint.Option{lint.WithRelated(apos, file.Pos(s.span.End), "first assigned here, after construction")}
			if cpos, cend, ok := configLocation(pass, why, configs); ok {
				opts = append(opts, lint.WithRelated(cpos, cend, why.reason))
			}
			lint.Report(pass, lint.Warning, file.Pos(fd.NameSpan.Start), file.Pos(fd.NameSpan.End),
				fmt.Sprintf("field `%s` is first set in %s, and with %s instances change shape",
					n, s.method, why.setting),
				opts...)
		}
	}
}

// deferredMethods are the calls whose function argument runs later, after
// the current call stack (the constructor) has returned.
var deferredMethods = map[string]bool{
	"then": true, "catch": true, "finally": true, "subscribe": true,
	"on": true, "once": true, "addListener": true, "addEventListener": true,
	"setTimeout": true, "setImmediate": true, "setInterval": true, "nextTick": true, "queueMicrotask": true,
}

// deferred tells whether assignment a, inside method meth that the
// constructor runs, happens after the constructor returns: in a callback
// passed to .then/.catch/.subscribe/.on/setTimeout (or nested in one), or
// after the first await of an async function on the way. It returns how
// to name the place, or "".
func deferred(f *parser.Facts, a *parser.Assign, meth, ctor int) string {
	starter := "the constructor"
	if meth != ctor {
		starter = "the constructor's `" + f.Funcs[meth].Name + "()`"
	}
	for g := a.Func; g >= 0; g = f.Funcs[g].Parent {
		fg := &f.Funcs[g]
		if fg.Async && afterFirstAwait(f, g, a) {
			if g == meth {
				return fmt.Sprintf("`%s` after an `await` (the constructor starts it)", fg.Name)
			}
			return "an async callback after an `await`, in " + starter
		}
		if g == meth {
			break
		}
		if fg.ArgOf >= 0 {
			if call := &f.Calls[fg.ArgOf]; deferredMethods[call.Method] {
				return "a `." + call.Method + "` callback in " + starter
			}
		}
	}
	return ""
}

// afterFirstAwait reports whether assignment a (in function g or nested
// in it) runs after g's first await: it is awaited itself, or it comes
// after an awaited call or declaration of g.
func afterFirstAwait(f *parser.Facts, g int, a *parser.Assign) bool {
	if a.Func == g && a.Value.Await {
		return true
	}
	first := ^uint32(0)
	for _, c := range f.Calls {
		if c.Func == g && c.Await && c.Start < first {
			first = c.Start
		}
	}
	for _, l := range f.Locals {
		if l.Func == g && l.Value.Await && l.Start < first {
			first = l.Start
		}
	}
	for _, x := range f.Assigns {
		if x.Func == g && x.Value.Await && x.Start < first {
			first = x.Start
		}
	}
	return a.Start > first
}

// methodOf returns the member of class ci that function fn belongs to (fn
// itself or the outermost enclosing function of the class), or -1.
func methodOf(f *parser.Facts, fn, ci int) int {
	best := -1
	for g := fn; g >= 0; g = f.Funcs[g].Parent {
		fg := &f.Funcs[g]
		if fg.Class == ci {
			switch fg.Kind {
			case parser.FMethod, parser.FConstructor, parser.FGetter, parser.FSetter:
				return g
			}
			best = g // arrow-valued field
		} else if fg.Class >= 0 && fg.Class != ci {
			return -1 // `this` of another class
		}
		if fg.Kind == parser.FFunction || fg.Kind == parser.FExpr {
			return -1 // a function expression rebinds this
		}
	}
	return best
}

// ctorFuncs returns the constructor of class ci and the methods it calls on
// this, transitively: all of them run during construction.
func ctorFuncs(f *parser.Facts, ci int) map[int]bool {
	c := &f.Classes[ci]
	out := map[int]bool{}
	if c.Ctor < 0 {
		return out
	}
	byName := map[string]int{}
	for _, mi := range c.Methods {
		if f.Funcs[mi].Kind == parser.FMethod && !f.Funcs[mi].Static {
			byName[f.Funcs[mi].Name] = mi
		}
	}
	out[c.Ctor] = true
	work := []int{c.Ctor}
	for len(work) > 0 {
		cur := work[0]
		work = work[1:]
		for _, call := range f.Calls {
			if len(call.Path) != 2 || call.Path[0] != "this" || call.Func < 0 || methodOf(f, call.Func, ci) != cur {
				continue
			}
			if mi, ok := byName[call.Path[1]]; ok && !out[mi] {
				out[mi] = true
				work = append(work, mi)
			}
		}
	}
	return out
}
