package ormsynchronize

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/internal/rejects"
	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

const ruleID = "data/orm-synchronize"

// Rule is data/orm-synchronize.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "ormsynchronize", SARIFName: "SchemaSyncInProduction",
	Severity: lint.Error, Tags: []string{"reliability", "data-loss"}, Precision: lint.High, Since: "v0.2.0",
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

// typeormKeys are keys of TypeORM data source options; an object with
// synchronize or dropSchema and one of these is a TypeORM configuration.
var typeormKeys = map[string]bool{
	"type": true, "entities": true, "autoLoadEntities": true, "migrations": true, "database": true, "url": true,
	"host": true, "username": true, "replication": true, "entityPrefix": true, "migrationsRun": true, "...": true,
}

// sequelizeKeys mark Sequelize (and @nestjs/sequelize) options.
var sequelizeKeys = map[string]bool{
	"dialect": true, "models": true, "autoLoadModels": true, "database": true, "host": true, "uri": true, "synchronize": true, "...": true,
}

// schemaCalls are MikroORM schema generator methods that alter or drop.
var schemaCalls = map[string]bool{"updateSchema": true, "dropSchema": true, "refreshDatabase": true}

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	e := &evaluator{m: m}
	lits := lint.FileMemoOf[[]objectLit](pass, "ormsynchronize.options")
	for fi, file := range m.AllFiles() {
		if m.IsOffline(fi) {
			continue
		}
		lint.Guard(pass, file.Path, func() { check(pass, m, e, fi, file, lits) })
	}
	lits.Keep()
	return nil, nil
}

// objectLit is an object literal and the function it is written in.
type objectLit struct {
	v     parser.Value
	owner int
}

// optionObjects returns the object literals of a file that set one of the
// options the rule judges: few files have any, and the list depends on
// the file's facts alone (kept between runs in the language server).
func optionObjects(f *parser.Facts) []objectLit {
	var out []objectLit
	values(f, func(v parser.Value, owner int) {
		for _, p := range v.Props() {
			switch p.Key {
			case "synchronize", "dropSchema", "sync":
				out = append(out, objectLit{v, owner})
				return
			}
		}
	})
	return out
}

// policy is the rule's context policy, in one place: configuration and
// boot code decide the production schema wherever they sit; only offline
// code (tests, migrations, scripts) is left alone.
func policy(m *nest.Model, fr nest.FuncRef) lint.Severity {
	if m.ContextOf(fr) == nest.Offline {
		return lint.Off
	}
	return lint.Error
}

// values calls fn on every object literal of the file, once per span.
func values(f *parser.Facts, fn func(v parser.Value, owner int)) {
	seen := map[parser.Span]bool{}
	var walk func(v parser.Value, owner int)
	walk = func(v parser.Value, owner int) {
		if v.Kind == parser.VObject {
			if seen[v.Span] {
				return
			}
			seen[v.Span] = true
			fn(v, owner)
		}
		for _, p := range v.Props() {
			walk(p.Value, owner)
		}
		for _, el := range v.Elems() {
			walk(el, owner)
		}
	}
	for _, c := range f.Calls {
		for _, a := range c.Args {
			walk(a, c.Func)
		}
	}
	for _, l := range f.Locals {
		walk(l.Value, l.Func)
	}
	for _, r := range f.Returns {
		walk(r.Value, r.Func)
	}
	for _, a := range f.Assigns {
		walk(a.Value, a.Func)
	}
	for _, cl := range f.Classes {
		for _, d := range cl.Decorators {
			for _, a := range d.Args {
				walk(a, -1)
			}
		}
	}
}

func hasAny(v parser.Value, keys map[string]bool, except string) bool {
	for _, p := range v.Props() {
		if p.Key != except && keys[p.Key] {
			return true
		}
	}
	return false
}

func check(pass *analysis.Pass, m *nest.Model, e *evaluator, fi nest.FileID, file *parser.File, lits *lint.FileMemo[[]objectLit]) {
	f := file.Facts
	report := func(owner int, at parser.Span, msg string) {
		if policy(m, nest.FuncRef{File: fi, Index: nest.FuncID(owner)}) == lint.Off || !e.inProduction(fi, at) {
			return
		}
		lint.Report(pass, lint.Error, file.Pos(at.Start), file.Pos(at.End), msg)
	}
	for _, lit := range lits.Get(f, func() []objectLit { return optionObjects(f) }) {
		v, owner := lit.v, lit.owner
		for _, p := range v.Props() {
			switch p.Key {
			case "synchronize", "dropSchema":
				if !hasAny(v, typeormKeys, p.Key) || hasAny(v, map[string]bool{"dialect": true, "models": true, "autoLoadModels": true}, "") {
					continue // Sequelize's synchronize only creates missing tables
				}
				if e.value(fi, p.Value, 0) != on {
					continue
				}
				if p.Key == "synchronize" {
					report(owner, p.Value.Span, "`synchronize: true` in production: on every boot TypeORM alters the schema and drops columns it no longer sees, with their data; use migrations")
				} else {
					report(owner, p.Value.Span, "`dropSchema: true` in production: TypeORM drops every table each time the app connects; enable it only in tests")
				}
			case "sync":
				if p.Value.Kind != parser.VObject || !hasAny(v, sequelizeKeys, "sync") {
					continue
				}
				if k, ok := destructive(e, fi, p.Value); ok {
					report(owner, p.Value.Span, fmt.Sprintf("`sync: { %s: true }` in production: Sequelize %s on every boot, with their data; use migrations", k, what(k)))
				}
			}
		}
	}
	for ci := range nest.CallID(len(f.Calls)) {
		c := &f.Calls[ci]
		if c.New {
			continue
		}
		switch {
		case c.Method == "sync" && len(c.Path) >= 2 && len(c.Args) > 0 && c.Args[0].Kind == parser.VObject && holderModule(m, fi, c, "sequelize", "sequelize-typescript"):
			if k, ok := destructive(e, fi, c.Args[0]); ok {
				report(c.Func, c.Span, fmt.Sprintf("`sequelize.sync({ %s: true })` runs in production: Sequelize %s on every boot, with their data; use migrations", k, what(k)))
			}
		case c.Method == "synchronize" && len(c.Path) >= 2 && holderModule(m, fi, c, "typeorm"):
			report(c.Func, c.Span, "`dataSource.synchronize()` runs in production: TypeORM alters the schema and drops columns it no longer sees, with their data; use migrations")
		case schemaCalls[c.Method] && mikroSchema(m, fi, ci):
			report(c.Func, c.Span, fmt.Sprintf("MikroORM's `%s()` runs in production: it alters or drops tables to match the entities, with their data; use migrations", c.Method))
		}
	}
}

func what(k string) string {
	if k == "force" {
		return "drops and recreates every table"
	}
	return "alters tables and drops columns it no longer sees"
}

// destructive reads force/alter from Sequelize sync options.
func destructive(e *evaluator, fi nest.FileID, v parser.Value) (string, bool) {
	for _, p := range v.Props() {
		if (p.Key == "force" || p.Key == "alter") && e.value(fi, p.Value, 0) == on {
			return p.Key, true
		}
	}
	return "", false
}

// holderModule reports whether a call's receiver is of a type from one of
// the modules.
func holderModule(m *nest.Model, fi nest.FileID, c *parser.Call, mods ...string) bool {
	h, ok := rejects.HolderOf(m, fi, c.Func, c.Path[:len(c.Path)-1])
	if !ok {
		return false
	}
	mod, _, _ := strings.Cut(h.External, ":")
	if h.External == "" && h.Init.Kind == parser.VNew {
		if d := m.ResolveTop(h.InitFile, strings.Split(h.Init.Text, ".")[0]); d.Kind == nest.DeclExternal {
			mod = d.Module
		}
	}
	for _, x := range mods {
		if mod == x {
			return true
		}
	}
	return false
}

// mikroSchema reports whether call ci is made on a MikroORM schema
// generator: orm.schema.x(), orm.getSchemaGenerator().x(), or a local
// holding one.
func mikroSchema(m *nest.Model, fi nest.FileID, ci nest.CallID) bool {
	f := m.Files[fi].Facts
	c := &f.Calls[ci]
	if len(c.Path) >= 3 && c.Path[len(c.Path)-2] == "schema" {
		h, ok := rejects.HolderOf(m, fi, c.Func, c.Path[:len(c.Path)-2])
		return ok && (strings.HasPrefix(h.External, "@mikro-orm/") || rejects.ORM(m, h) == "mikro-orm")
	}
	for i := range f.Calls {
		in := &f.Calls[i]
		if nest.CallID(in.Outer) == ci && in.Use == parser.UseRecv && in.Method == "getSchemaGenerator" {
			return true
		}
	}
	if len(c.Path) == 2 {
		for _, l := range f.Locals {
			if l.Name == c.Path[0] && l.Value.Kind == parser.VCall && strings.HasSuffix(l.Value.Text, ".getSchemaGenerator") {
				return true
			}
		}
	}
	return false
}
