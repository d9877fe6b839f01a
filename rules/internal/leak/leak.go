// Package leak holds the analysis shared by the provider/* rules: which
// class a function belongs to, which values are derived from request data,
// and which module-level or singleton collections grow without bound.
package leak

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
)

// ClassOf returns the class that owns function fn of file fi (walking up
// through nested callbacks), or -1.
func ClassOf(f *parser.Facts, fn int) int {
	for cur, n := fn, 0; cur >= 0 && n < 64; n++ {
		if c := f.Funcs[cur].Class; c >= 0 {
			return c
		}
		cur = f.Funcs[cur].Parent
	}
	return -1
}

// Singleton reports whether the class is a Nest provider or controller
// whose effective scope (after bubbling) is the default singleton scope, or
// a project base class of one (its fields live in the singleton). A class
// that a provider factory function returns (a gateway or service declared
// inside the function) is a provider too.
func Singleton(m *nest.Model, ref nest.ClassRef) bool {
	info := m.Classes[ref]
	if info == nil || len(info.Kinds) == 0 && !info.Provided && !info.BaseOfSingleton {
		return false
	}
	if !info.Is("Injectable") && !info.Is("Controller") && !info.Provided && !info.Controller &&
		!info.Is("Resolver") && !info.Is("WebSocketGateway") && !info.Is("Processor") && !info.BaseOfSingleton {
		return false
	}
	s, _ := m.ScopeOf(ref)
	return s == nest.Default && !info.Durable
}

// Within reports whether function fn is cls or nested in it (a callback
// inside it), in the same file.
func Within(f *parser.Facts, fn, outer int) bool {
	for cur, n := fn, 0; cur >= 0 && n < 64; n++ {
		if cur == outer {
			return true
		}
		cur = f.Funcs[cur].Parent
	}
	return false
}

// requestParamDecorators are Nest's parameter decorators that inject request data.
var requestParamDecorators = map[string]bool{
	"Req": true, "Request": true, "Body": true, "Param": true, "Query": true, "Headers": true,
	"Session": true, "Ip": true, "Args": true, "Context": true, "Payload": true, "MessageBody": true,
	"ConnectedSocket": true, "Res": true, "Response": true, "HostParam": true, "UploadedFile": true, "UploadedFiles": true,
}

func decoName(n string) string {
	if j := strings.LastIndexByte(n, '.'); j >= 0 {
		return n[j+1:]
	}
	return n
}

// requestSourceText matches expressions that read the current request.
var requestSourceText = regexp.MustCompile(`switchToHttp\(\)\s*\.\s*getRequest\b|switchToWs\(\)\s*\.\s*getData\b|switchToRpc\(\)\s*\.\s*getData\b|\.getArgs\(\)|\.getArgByIndex\(|GqlExecutionContext\.create\(|\.getStore\(\)|\bcls\.get\(`)

// requestWords are substrings every requestSourceText match contains: a
// cheap test that skips the regexp for most values.
var requestWords = [][]byte{[]byte("switchTo"), []byte("getArg"), []byte("GqlExecutionContext"), []byte("getStore"), []byte("cls.get")}

func mayReadRequest(b []byte) bool {
	for _, w := range requestWords {
		if bytes.Contains(b, w) {
			return true
		}
	}
	return false
}

// RequestSource returns a description of the request data the value v
// (read in function fn of file fi) is derived from, or "" when it is not
// derived from the request. Parameters of fn and of its enclosing functions
// count when the function runs in request context; locals are followed.
func RequestSource(m *nest.Model, fi nest.FileID, fn int, v parser.Value) string {
	return requestSource(m, fi, fn, v, 0)
}

func requestSource(m *nest.Model, fi nest.FileID, fn int, v parser.Value, depth int) string {
	if depth > 8 {
		return ""
	}
	src := m.Files[fi].Source()
	if v.End > v.Start && int(v.End) <= len(src) && mayReadRequest(src[v.Start:v.End]) {
		if loc := requestSourceText.FindIndex(src[v.Start:v.End]); loc != nil {
			return strings.TrimPrefix(strings.TrimSpace(string(src[v.Start+uint32(loc[0]):v.Start+uint32(loc[1])])), ".")
		}
	}
	for _, r := range v.Refs() {
		if s := refSource(m, fi, fn, r, depth); s != "" {
			return s
		}
	}
	return ""
}

func refSource(m *nest.Model, fi nest.FileID, fn int, name string, depth int) string {
	f := m.Files[fi].Facts
	for cur := fn; cur >= 0; cur = f.Funcs[cur].Parent {
		g := &f.Funcs[cur]
		for _, p := range g.Params {
			if p.Name != name {
				continue
			}
			for _, d := range p.Decorators {
				dn := decoName(d.Name)
				if requestParamDecorators[dn] {
					return "@" + dn + "() " + p.Name
				}
				if customParamDecorator(m, fi, cur, d.Name) {
					return "@" + dn + "() " + p.Name
				}
			}
			if hasDecorator(g.Decorators, "OnEvent", "Cron", "Interval", "Timeout") {
				return "" // an application event or a timer, not a user's request
			}
			if g.ArgOf >= 0 && g.ArgOf < len(f.Calls) {
				// a callback's parameter carries what the call it is passed to
				// yields: `.then(v => ...)` the promise's value, `xs.map(x => ...)`
				// the elements. It is request data only when that call reads
				// request data (a config reload or an API call at boot is not).
				return callbackSource(m, fi, cur, &f.Calls[g.ArgOf], depth)
			}
			if m.ContextOf(nest.FuncRef{File: fi, Index: nest.FuncID(cur)}) == nest.Request && g.Kind != parser.FConstructor {
				return "parameter " + p.Name + " of " + m.Label(nest.FuncRef{File: fi, Index: nest.FuncID(cur)})
			}
			return ""
		}
		for li := range f.Locals {
			l := &f.Locals[li]
			if l.Func != cur || l.Name != name || !l.HasValue {
				continue
			}
			if s := requestSource(m, fi, cur, l.Value, depth+1); s != "" {
				return s
			}
			return ""
		}
	}
	return ""
}

// callbackSource returns the request data that call c (whose argument
// function cb receives the value) reads: its receiver path, its other
// arguments, and the receivers and arguments of the calls chained before
// it (`this.users.find(id).then(cb)` reads id).
func callbackSource(m *nest.Model, fi nest.FileID, cb int, c *parser.Call, depth int) string {
	f := m.Files[fi].Facts
	outer := f.Funcs[cb].Parent
	if c.Func != outer {
		return ""
	}
	from := func(call *parser.Call) string {
		if len(call.Path) > 1 && call.Path[0] != "this" {
			if s := refSource(m, fi, outer, call.Path[0], depth+1); s != "" {
				return s
			}
		}
		for _, a := range call.Args {
			if a.Kind == parser.VFunc && int(a.Func) == cb {
				continue
			}
			if s := requestSource(m, fi, outer, a, depth+1); s != "" {
				return s
			}
		}
		return ""
	}
	if s := from(c); s != "" {
		return s
	}
	for i := range f.Calls {
		in := &f.Calls[i]
		if in != c && in.Func == outer && c.Callee.Start <= in.Span.Start && in.Span.End <= c.Callee.End {
			if s := from(in); s != "" {
				return s
			}
		}
	}
	return ""
}

// customParamDecorator reports whether the decorator name resolves to a
// top-level const created with createParamDecorator.
func customParamDecorator(m *nest.Model, fi nest.FileID, fn int, name string) bool {
	root := name
	if j := strings.IndexByte(root, '.'); j >= 0 {
		return false
	}
	d := m.Resolve(fi, nest.FuncID(fn), root)
	if d.Kind != nest.DeclVar || d.Index < 0 {
		return false
	}
	l := m.Files[d.File].Facts.Locals[d.Index]
	return l.Value.Kind == parser.VCall && decoName(l.Value.Text) == "createParamDecorator"
}

func hasDecorator(ds []parser.Decorator, names ...string) bool {
	for _, d := range ds {
		for _, n := range names {
			if decoName(d.Name) == n {
				return true
			}
		}
	}
	return false
}
