package outboundtimeout

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

const ruleID = "io/outbound-timeout"

// Rule is io/outbound-timeout.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "outboundtimeout", SARIFName: "OutboundHttpWithoutTimeout",
	Severity: lint.Error, Tags: []string{"reliability"}, Precision: lint.High, Since: "v0.2.0",
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

// timeoutKeys are the option keys that bound a request's time.
var timeoutKeys = map[string]bool{"timeout": true, "signal": true, "headersTimeout": true, "bodyTimeout": true}

// tri is a three-valued answer: known yes, known no, or unknown.
type tri uint8

const (
	unknown tri = iota
	yes
	no
)

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	axiosDefault := axiosDefaultsTimeout(m)
	for fi, file := range m.AllFiles() {
		if m.IsOffline(fi) {
			continue
		}
		lint.Guard(pass, file.Path, func() { check(pass, m, fi, file, axiosDefault) })
	}
	return nil, nil
}

// policy is the rule's context policy, in one place: a hung call matters
// where requests (or jobs) wait on it. The where phrase is the shared one
// (nest.Model.Where): the request path travels with the finding.
func policy(m *nest.Model, fr nest.FuncRef) (lint.Severity, string, []lint.Step) {
	ctx := m.ContextOf(fr)
	sev := nest.DefaultPolicy.For(ctx)
	switch ctx {
	case nest.Request:
		return sev, m.Where(fr, ctx), m.StepsFor(m.PathTo(fr))
	case nest.Unknown:
		return sev, m.Where(fr, ctx), nil
	}
	return sev, "", nil
}

// axiosDefaultsTimeout reports whether the project sets axios.defaults.timeout.
func axiosDefaultsTimeout(m *nest.Model) bool {
	for fi, file := range m.AllFiles() {
		for _, a := range file.Facts.Assigns {
			if len(a.Target) == 3 && a.Target[1] == "defaults" && a.Target[2] == "timeout" {
				if d := m.Resolve(fi, nest.FuncID(a.Func), a.Target[0]); d.Kind == nest.DeclExternal && d.Module == "axios" {
					return true
				}
			}
		}
	}
	return false
}

// configIndex is the position of the request options argument.
func configIndex(h *rejects.HTTPCall, method string, args []parser.Value) int {
	first := len(args) > 0 && (args[0].Kind == parser.VString || args[0].Kind == parser.VTemplate)
	switch h.Client {
	case rejects.Fetch, rejects.Undici:
		return 1
	case rejects.Got:
		if first || len(args) == 0 {
			return 1
		}
		return 0
	}
	switch method {
	case "post", "put", "patch":
		return 2
	case "request":
		return 0
	case "get", "delete", "head", "options", "getUri":
		return 1
	}
	// axios(url, config) or axios(config)
	if first || len(args) == 0 {
		return 1
	}
	return 0
}

func check(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File, axiosDefault bool) {
	f := file.Facts
	for ci := range nest.CallID(len(f.Calls)) {
		c := &f.Calls[ci]
		if c.Func < 0 {
			continue
		}
		h := rejects.HTTP(m, fi, ci)
		if h == nil {
			continue
		}
		method := c.Method
		if h.Client == rejects.AxiosDefault && len(c.Path) == 1 {
			method = ""
		}
		idx := configIndex(h, method, c.Args)
		call := unknown
		if idx >= len(c.Args) {
			call = no
		} else {
			call = hasTimeout(m, fi, c.Func, c.Args[idx], 0)
		}
		if call != no {
			continue
		}
		switch h.Client {
		case rejects.AxiosDefault:
			if axiosDefault {
				continue
			}
		case rejects.AxiosInstance:
			if axiosDefault || instanceTimeout(m, fi, c, h) != no {
				continue
			}
		case rejects.HTTPService:
			if moduleTimeout(m, fi, c) != no {
				continue
			}
		}
		fr := nest.FuncRef{File: fi, Index: nest.FuncID(c.Func)}
		sev, where, steps := policy(m, fr)
		if sev == lint.Off {
			continue
		}
		fix := "pass `signal: AbortSignal.timeout(ms)`"
		switch h.Client {
		case rejects.AxiosDefault:
			fix = "set `timeout` or use `axios.create({ timeout })`"
		case rejects.AxiosInstance:
			fix = "set `timeout` on the call or in `axios.create()`"
		case rejects.HTTPService:
			fix = "set `timeout` on the call or in `HttpModule.register()`"
		case rejects.Got:
			fix = "set `timeout: { request: ms }` on the call"
		case rejects.Undici:
			fix = "set `headersTimeout` and `bodyTimeout`"
		}
		var opts []lint.Option
		if steps != nil {
			opts = append(opts, lint.WithPath(steps))
		}
		lint.Report(pass, sev, file.Pos(c.Span.Start), file.Pos(c.Span.End),
			fmt.Sprintf("%s has no timeout%s: a hung upstream holds the request; %s", rejects.QuoteLabel(h.Name), where, fix), opts...)
	}
}

// hasTimeout says whether a request options value sets a timeout or an
// abort signal, following constants and spreads across files.
func hasTimeout(m *nest.Model, fi nest.FileID, fn int, v parser.Value, depth int) tri {
	if depth > 8 {
		return unknown
	}
	switch v.Kind {
	case parser.VObject:
		res := no
		for _, p := range v.Props() {
			if timeoutKeys[p.Key] {
				if p.Value.Kind == parser.VNumber && p.Value.Text == "0" {
					continue // axios: 0 means no timeout
				}
				return yes
			}
			if p.Key == "..." {
				switch hasTimeout(m, fi, fn, p.Value, depth+1) {
				case yes:
					return yes
				case unknown:
					res = unknown
				}
			}
		}
		return res
	case parser.VIdent:
		if strings.Contains(v.Text, ".") {
			return unknown
		}
		d := m.Resolve(fi, nest.FuncID(fn), v.Text)
		switch d.Kind {
		case nest.DeclVar:
			if d.Index >= 0 {
				l := &m.Files[d.File].Facts.Locals[d.Index]
				if l.HasValue {
					return hasTimeout(m, d.File, -1, l.Value, depth+1)
				}
			}
		case nest.DeclLocal:
			f := m.Files[fi].Facts
			for li := range f.Locals {
				l := &f.Locals[li]
				if l.Func == d.Index && l.Name == v.Text && l.Kind == "const" && l.HasValue {
					return hasTimeout(m, fi, d.Index, l.Value, depth+1)
				}
			}
		}
	case parser.VNull:
		return no
	}
	return unknown
}

// instanceTimeout looks at how the axios instance a call is made on was
// created: axios.create({ timeout }) as the field or local initializer, in
// the constructor, or a later `x.defaults.timeout = ...`.
func instanceTimeout(m *nest.Model, fi nest.FileID, c *parser.Call, h *rejects.HTTPCall) tri {
	if strings.HasPrefix(h.Name, "HttpService.axiosRef") {
		return moduleTimeout(m, fi, c)
	}
	f := m.Files[fi].Facts
	check := func(file nest.FileID, v parser.Value, fn int) tri {
		if !rejects.AxiosCreate(m, file, v) {
			return unknown
		}
		if len(v.Elems()) == 0 {
			return no
		}
		return hasTimeout(m, file, fn, v.Elems()[0], 0)
	}
	if h.Holder.Init.Kind == parser.VCall {
		if r := check(h.Holder.InitFile, h.Holder.Init, -1); r != no {
			return r
		}
	}
	// this.client = axios.create(...) in the class; this.client.defaults.timeout = ...
	if len(c.Path) >= 3 && c.Path[0] == "this" && c.Func >= 0 && f.Funcs[c.Func].Class >= 0 {
		cls := f.Funcs[c.Func].Class
		res := unknown
		if h.Holder.Init.Kind == parser.VCall {
			res = no
		}
		for _, a := range f.Assigns {
			if a.Func < 0 || f.Funcs[a.Func].Class != cls || len(a.Target) < 2 || a.Target[0] != "this" || a.Target[1] != c.Path[1] {
				continue
			}
			if len(a.Target) == 4 && a.Target[2] == "defaults" && a.Target[3] == "timeout" {
				return yes
			}
			if len(a.Target) == 2 {
				switch check(fi, a.Value, a.Func) {
				case yes:
					return yes
				case unknown:
					return unknown
				case no:
					res = no
				}
			}
		}
		return res
	}
	if h.Holder.Init.Kind == parser.VCall {
		return no
	}
	return unknown
}

// moduleTimeout finds the HttpModule import of the module that provides
// the class making the call, and whether it sets a timeout.
func moduleTimeout(m *nest.Model, fi nest.FileID, c *parser.Call) tri {
	f := m.Files[fi].Facts
	if c.Func < 0 || f.Funcs[c.Func].Class < 0 {
		return unknown
	}
	cls := nest.ClassRef{File: fi, Index: nest.ClassID(f.Funcs[c.Func].Class)}
	res := unknown
	found := false
	for _, mod := range m.Modules {
		if !provides(mod, cls) {
			continue
		}
		r := httpModuleOf(m, mod)
		if r == unknown {
			return unknown
		}
		if !found || r == yes {
			res = r
		}
		found = true
	}
	return res
}

func provides(mod *nest.Module, c nest.ClassRef) bool {
	for _, p := range mod.Providers {
		if p.Class != nil && *p.Class == c {
			return true
		}
	}
	for _, k := range mod.Controllers {
		if k == c {
			return true
		}
	}
	return false
}

// httpModuleOf reads a module's HttpModule import: plain HttpModule (no
// timeout), HttpModule.register(options), or registerAsync with a factory.
func httpModuleOf(m *nest.Model, mod *nest.Module) tri {
	cl := m.Class(mod.Class)
	fi := mod.Class.File
	for _, d := range cl.Decorators {
		if d.Name != "Module" || len(d.Args) == 0 || d.Args[0].Kind != parser.VObject {
			continue
		}
		for _, p := range d.Args[0].Props() {
			if p.Key != "imports" {
				continue
			}
			for _, e := range p.Value.Elems() {
				root := strings.Split(e.Text, ".")[0]
				if root == "" {
					continue
				}
				if dd := m.ResolveTop(fi, root); dd.Kind != nest.DeclExternal || dd.Module != "@nestjs/axios" || dd.Name != "HttpModule" {
					continue
				}
				switch {
				case e.Kind == parser.VIdent && e.Text == root:
					return no
				case e.Kind == parser.VCall && e.Text == root+".register":
					if len(e.Elems()) == 0 {
						return no
					}
					return hasTimeout(m, fi, -1, e.Elems()[0], 0)
				case e.Kind == parser.VCall && e.Text == root+".registerAsync":
					return asyncOptions(m, fi, e)
				}
				return unknown
			}
		}
	}
	return unknown
}

func asyncOptions(m *nest.Model, fi nest.FileID, e parser.Value) tri {
	if len(e.Elems()) == 0 || e.Elems()[0].Kind != parser.VObject {
		return unknown
	}
	for _, p := range e.Elems()[0].Props() {
		if p.Key != "useFactory" || p.Value.Kind != parser.VFunc || p.Value.Func < 0 {
			continue
		}
		res := unknown
		for _, r := range m.Files[fi].Facts.Returns {
			if r.Func != int(p.Value.Func) {
				continue
			}
			switch hasTimeout(m, fi, r.Func, r.Value, 0) {
			case yes:
				return yes
			case no:
				res = no
			case unknown:
				return unknown
			}
		}
		return res
	}
	return unknown
}
