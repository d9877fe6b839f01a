package transactionawait

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

const ruleID = "async/transaction-await"

// Rule is async/transaction-await.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "transactionawait", SARIFName: "UnawaitedTransactionCall",
	Severity: lint.Error, Tags: []string{"reliability", "data-loss"}, Precision: lint.High, Since: "v0.2.0",
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

// txMethods are the methods that run a callback in a transaction, by ORM.
var txMethods = map[string]string{
	"typeorm": "transaction", "prisma": "$transaction", "mikro-orm": "transactional",
	"knex": "transaction", "drizzle": "transaction", "sequelize": "transaction",
}

// isTxMethod holds the method names of txMethods.
var isTxMethod = func() map[string]bool {
	out := map[string]bool{}
	for _, m := range txMethods {
		out[m] = true
	}
	return out
}()

// syncMethods are the handle methods that return no promise, by ORM.
var syncMethods = map[string]map[string]bool{
	"typeorm": {"create": true, "merge": true, "getRepository": true, "getTreeRepository": true, "getMongoRepository": true,
		"withRepository": true, "getCustomRepository": true, "createQueryBuilder": true, "hasId": true, "getId": true},
	"mikro-orm": {"persist": true, "remove": true, "create": true, "assign": true, "getReference": true, "getRepository": true,
		"fork": true, "clear": true, "merge": true, "map": true, "getMetadata": true, "createQueryBuilder": true, "qb": true},
	"drizzle":   {"rollback": true},
	"prisma":    {},
	"knex":      {},
	"sequelize": {"build": true},
}

// aliasMethods return another handle bound to the same transaction.
var aliasMethods = map[string]bool{"getRepository": true, "getTreeRepository": true, "getMongoRepository": true,
	"getCustomRepository": true, "withRepository": true, "fork": true}

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	for fi, file := range m.AllFiles() {
		if m.IsOffline(fi) {
			continue
		}
		lint.Guard(pass, file.Path, func() { check(pass, m, fi, file) })
	}
	return nil, nil
}

// policy is the rule's context policy, in one place: a write that escapes
// its transaction corrupts data wherever it runs; only code no entry point
// or startup path is known to reach is a warning.
var severities = nest.Policy{Request: lint.Error, Unknown: lint.Warning, Startup: lint.Error, Shutdown: lint.Error}

func policy(m *nest.Model, fr nest.FuncRef) (lint.Severity, []lint.Option) {
	pl := m.Place(fr)
	var opts []lint.Option
	if len(pl.Path) > 0 {
		opts = append(opts, lint.WithPath(m.StepsFor(pl.Path)))
	}
	return severities.For(pl.Context), opts
}

// top follows a call's value through method chains and Promise
// combinators to the expression that finally uses it.
func top(f *parser.Facts, ci int) int {
	for i := 0; i < 64; i++ {
		c := &f.Calls[ci]
		if c.Outer < 0 {
			return ci
		}
		o := &f.Calls[c.Outer]
		switch {
		case c.Use == parser.UseRecv:
		case c.Use == parser.UseArg && len(o.Path) == 2 && o.Path[0] == "Promise":
		default:
			return ci
		}
		ci = c.Outer
	}
	return ci
}

// dropped reports whether the value of call ci ends up neither awaited nor
// returned: dropped by an expression statement or void, or returned to a
// forEach callback.
func dropped(f *parser.Facts, ci int) bool {
	c := &f.Calls[ci]
	switch c.Use {
	case parser.UseDiscard, parser.UseVoid:
		return true
	case parser.UseReturn:
		if c.Func >= 0 {
			if k := f.Funcs[c.Func].ArgOf; k >= 0 && f.Calls[k].Method == "forEach" {
				return true
			}
		}
	}
	return false
}

func within(f *parser.Facts, fn, outer int) bool {
	for cur := fn; cur >= 0; cur = f.Funcs[cur].Parent {
		if cur == outer {
			return true
		}
	}
	return false
}

type txScope struct {
	orm     string
	name    string   // "dataSource.transaction()" for messages
	fn      int      // the callback, or the function holding a query runner
	handles []string // names bound to the transaction
	from    uint32   // calls before this offset are outside (query runners)
	to      uint32
}

func check(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File) {
	f := file.Facts
	var scopes []txScope
	for ci := range f.Calls {
		c := &f.Calls[ci]
		if len(c.Path) < 2 || c.New || !isTxMethod[c.Method] {
			continue // only a transaction method opens a scope: spare HolderOf
		}
		root := c.Path[:len(c.Path)-1]
		h, ok := rejects.HolderOf(m, fi, c.Func, root)
		if !ok {
			continue
		}
		orm := rejects.ORM(m, h)
		rootLen := 1
		if root[0] == "this" {
			rootLen = 2
		}
		managerTx := len(root) == rootLen+1 && root[rootLen] == "manager" && orm == "typeorm" // repo.manager.transaction
		if !managerTx && len(root) != rootLen {
			continue
		}
		if orm == "" || txMethods[orm] != c.Method {
			continue
		}
		cb := -1
		for _, a := range c.Args {
			if a.Kind == parser.VFunc && a.Func >= 0 {
				cb = int(a.Func)
			}
		}
		if cb < 0 || len(f.Funcs[cb].Params) == 0 || f.Funcs[cb].Params[0].Name == "" {
			continue
		}
		scopes = append(scopes, txScope{orm: orm, name: strings.Join(c.Path, ".") + "()", fn: cb,
			handles: []string{f.Funcs[cb].Params[0].Name}, to: ^uint32(0)})
	}
	scopes = append(scopes, queryRunners(m, fi, f)...)
	for _, s := range scopes {
		// handles derived from the transaction's: const repo = manager.getRepository(User)
		for _, l := range f.Locals {
			if l.Func != s.fn || l.Value.Kind != parser.VCall || l.Value.Await {
				continue
			}
			parts := strings.Split(l.Value.Text, ".")
			if len(parts) == 2 && contains(s.handles, parts[0]) && aliasMethods[parts[1]] {
				s.handles = append(s.handles, l.Name)
			}
		}
		for ci := range f.Calls {
			c := &f.Calls[ci]
			if !within(f, c.Func, s.fn) || c.Start < s.from || c.Start > s.to {
				continue
			}
			name, ok := handleOf(c, s.handles)
			if !ok {
				continue
			}
			if d := m.Resolve(fi, nest.FuncID(c.Func), name); d.Kind != nest.DeclLocal || !within(f, s.fn, d.Index) {
				continue // a name that shadows the handle
			}
			t := top(f, ci)
			if !dropped(f, t) || syncMethods[s.orm][f.Calls[t].Method] {
				continue
			}
			report(pass, m, fi, file, s, c, &f.Calls[t])
		}
		// items.forEach(async (i) => { await manager.save(i) })
		for fj := range f.Funcs {
			fn := &f.Funcs[fj]
			if !fn.Async || fn.ArgOf < 0 || f.Calls[fn.ArgOf].Method != "forEach" || !within(f, fj, s.fn) || fj == s.fn || fn.Start < s.from || fn.Start > s.to {
				continue
			}
			if !usesHandle(f, fj, s.handles) {
				continue
			}
			sev, opts := policy(m, nest.FuncRef{File: fi, Index: nest.FuncID(s.fn)})
			if sev == lint.Off {
				continue
			}
			lint.Report(pass, sev, file.Pos(fn.Span.Start), file.Pos(fn.Span.Start),
				fmt.Sprintf("`forEach` does not wait for this async callback in %s: its queries run after the transaction commits; use `for…of` with `await`", lint.QuoteMax(s.name, lint.MaxMessageQuote)), opts...)
		}
	}
}

func usesHandle(f *parser.Facts, fn int, handles []string) bool {
	for i := range f.Calls {
		if c := &f.Calls[i]; c.Func == fn {
			if _, ok := handleOf(c, handles); ok {
				return true
			}
		}
	}
	return false
}

// handleOf reports whether a call runs on the transaction: a method of the
// handle (`manager.save()`, `tx.user.create()`), or a call given the handle
// as its `transaction` option (Sequelize: `User.create(v, { transaction: t })`).
func handleOf(c *parser.Call, handles []string) (string, bool) {
	if len(c.Path) >= 2 && contains(handles, c.Path[0]) {
		return c.Path[0], true
	}
	for _, a := range c.Args {
		for _, p := range a.Props() {
			if p.Key == "transaction" && p.Value.Kind == parser.VIdent && contains(handles, p.Value.Text) {
				return p.Value.Text, true
			}
		}
	}
	return "", false
}

func report(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File, s txScope, c, t *parser.Call) {
	sev, opts := policy(m, nest.FuncRef{File: fi, Index: nest.FuncID(s.fn)})
	if sev == lint.Off {
		return
	}
	call := strings.Join(c.Path, ".") + "()"
	if c.Path == nil {
		call = c.Method + "()"
	}
	if t != c {
		call += "..." + t.Method + "()"
	}
	lint.Report(pass, sev, file.Pos(t.Span.Start), file.Pos(t.Span.End),
		fmt.Sprintf("%s in %s is not awaited, so it runs after the transaction commits; await it", lint.QuoteMax(call, lint.MaxMessageQuote), lint.QuoteMax(s.name, lint.MaxMessageQuote)), opts...)
}

// queryRunners finds `const qr = ds.createQueryRunner()` and the span from
// qr.startTransaction() to qr.commitTransaction() in the same function.
func queryRunners(m *nest.Model, fi nest.FileID, f *parser.Facts) []txScope {
	var out []txScope
	for _, l := range f.Locals {
		if l.Func < 0 || l.Value.Kind != parser.VCall || !strings.HasSuffix(l.Value.Text, ".createQueryRunner") {
			continue
		}
		s := txScope{orm: "typeorm", name: l.Name + ".startTransaction() … commitTransaction()", fn: l.Func, handles: []string{l.Name}}
		for _, c := range f.Calls {
			if c.Func != l.Func || len(c.Path) != 2 || c.Path[0] != l.Name {
				continue
			}
			switch c.Path[1] {
			case "startTransaction":
				if s.from == 0 {
					s.from = c.Start
				}
			case "commitTransaction":
				if c.End > s.to {
					s.to = c.End
				}
			}
		}
		if s.from > 0 && s.to > s.from {
			out = append(out, s)
		}
	}
	return out
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
