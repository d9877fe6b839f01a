// Package rejects answers, for the async rules, which calls give a promise
// that can reject and which project functions can throw or reject. It judges
// by resolved callees: a project function rejects when its own body throws
// outside a try block, or awaits or returns something that rejects; an
// external call rejects when it is a known I/O API (ORM and database
// clients, HTTP clients, queues, cache stores, fs.promises), resolved
// through imports and the types of injected dependencies.
package rejects

import (
	"strings"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
)

// Analysis memoizes what rejects in one model. It is not safe for
// concurrent use.
type Analysis struct {
	m      *nest.Model
	memo   map[nest.FuncRef]*summary
	argsOf []map[nest.CallID][]nest.CallID // file -> call -> calls whose Outer it is
	byFunc []map[int][]nest.CallID         // file -> function -> its calls, in index order
}

// callsOf returns the calls made directly in function fn of file fi.
func (a *Analysis) callsOf(fi nest.FileID, fn int) []nest.CallID {
	if a.byFunc[fi] == nil {
		idx := map[int][]nest.CallID{}
		for i, c := range a.m.Files[fi].Facts.Calls {
			idx[c.Func] = append(idx[c.Func], nest.CallID(i))
		}
		a.byFunc[fi] = idx
	}
	return a.byFunc[fi][fn]
}

type summary struct {
	done      bool
	syncThrow string // why a call of a non-async function can throw, "" if not known to
	reject    string // why its returned promise can reject, "" if not known to
}

// New returns an Analysis of m.
func New(m *nest.Model) *Analysis {
	return &Analysis{m: m, memo: map[nest.FuncRef]*summary{}, argsOf: make([]map[nest.CallID][]nest.CallID, len(m.Files)),
		byFunc: make([]map[int][]nest.CallID, len(m.Files))}
}

// Inner returns the calls whose value call ci of file fi consumes (its
// receiver in a chain, its call arguments), in source order.
func (a *Analysis) Inner(fi nest.FileID, ci nest.CallID) []nest.CallID {
	if a.argsOf[fi] == nil {
		idx := map[nest.CallID][]nest.CallID{}
		for i, c := range a.m.Files[fi].Facts.Calls {
			if c.Outer >= 0 {
				idx[nest.CallID(c.Outer)] = append(idx[nest.CallID(c.Outer)], nest.CallID(i))
			}
		}
		a.argsOf[fi] = idx
	}
	return a.argsOf[fi][ci]
}

// Receiver returns the call whose value call ci is made on
// (`a().then(f)`: a for the then call), or -1.
func (a *Analysis) Receiver(fi nest.FileID, ci nest.CallID) nest.CallID {
	for _, in := range a.Inner(fi, ci) {
		if a.m.Files[fi].Facts.Calls[in].Use == parser.UseRecv {
			return in
		}
	}
	return -1
}

// CallRejects says why the promise of call ci in file fi can reject, or ""
// when nothing proves it can.
func (a *Analysis) CallRejects(fi nest.FileID, ci nest.CallID) string {
	return a.callRejects(fi, ci, 0)
}

func (a *Analysis) callRejects(fi nest.FileID, ci nest.CallID, depth int) string {
	if depth > 8 {
		return ""
	}
	f := a.m.Files[fi].Facts
	c := &f.Calls[ci]
	if api := API(a.m, fi, ci); api != "" {
		return api
	}
	switch {
	case len(c.Path) == 2 && c.Path[0] == "Promise" && a.m.Resolve(fi, nest.FuncID(c.Func), "Promise").Kind == nest.DeclNone:
		switch c.Path[1] {
		case "all", "race", "any":
			for _, in := range a.Inner(fi, ci) {
				if w := a.callRejects(fi, in, depth+1); w != "" {
					return w
				}
			}
		case "reject":
			return "Promise.reject"
		}
		return ""
	case c.Path == nil && (c.Method == "then" || c.Method == "finally"):
		// a chain without a rejection handler rejects when its source does
		if r := a.Receiver(fi, ci); r >= 0 && !(c.Method == "then" && len(c.Args) >= 2) {
			return a.callRejects(fi, r, depth+1)
		}
		return ""
	}
	for _, fr := range a.m.ResolveCallee(fi, ci).Funcs {
		if s := a.summary(fr); s.reject != "" {
			return s.reject
		}
	}
	return ""
}

// Rejects says why the promise returned by project function fr can reject,
// or "".
func (a *Analysis) Rejects(fr nest.FuncRef) string { return a.summary(fr).reject }

// Throws says why a call of the non-async project function fr can throw
// synchronously, or "".
func (a *Analysis) Throws(fr nest.FuncRef) string { return a.summary(fr).syncThrow }

// Uncovered returns, for function fr, the first statement outside any try
// block that makes it reject (a throw, or an awaited or returned call that
// rejects, or a call of a function that throws), with the reason; ok is
// false when there is none.
func (a *Analysis) Uncovered(fr nest.FuncRef) (span parser.Span, why string, ok bool) {
	s := a.summary(fr)
	if s.reject == "" && s.syncThrow == "" {
		return parser.Span{}, "", false
	}
	return a.scan(fr, 0)
}

func (a *Analysis) summary(fr nest.FuncRef) *summary {
	if s, ok := a.memo[fr]; ok {
		return s // in progress (recursion) counts as not rejecting
	}
	s := &summary{}
	a.memo[fr] = s
	fn := a.m.Func(fr)
	if fn == nil || a.m.IsOffline(fr.File) {
		s.done = true
		return s
	}
	_, why, ok := a.scan(fr, 0)
	if ok {
		if fn.Async {
			s.reject = why
		} else {
			s.syncThrow = why
		}
	}
	if !fn.Async {
		// a plain function that returns a rejecting promise
		f := a.m.Files[fr.File].Facts
		for _, ci := range a.callsOf(fr.File, int(fr.Index)) {
			c := &f.Calls[ci]
			if c.Use == parser.UseReturn {
				if w := a.callRejects(fr.File, ci, 1); w != "" {
					s.reject = w
					break
				}
			}
		}
	}
	s.done = true
	return s
}

// scan finds the first uncovered reason for fr to throw or reject.
func (a *Analysis) scan(fr nest.FuncRef, depth int) (parser.Span, string, bool) {
	fn := a.m.Func(fr)
	if fn == nil {
		return parser.Span{}, "", false
	}
	f := a.m.Files[fr.File].Facts
	var best parser.Span
	why := ""
	found := false
	take := func(sp parser.Span, w string) {
		if !found || sp.Start < best.Start {
			best, why, found = sp, w, true
		}
	}
	for _, t := range f.Throws {
		if nest.FuncID(t.Func) == fr.Index && !t.InTry {
			take(t.Span, "throw in "+a.m.Label(fr))
			break
		}
	}
	for _, ci := range a.callsOf(fr.File, int(fr.Index)) {
		c := &f.Calls[ci]
		if c.InTry || c.New {
			continue
		}
		// a synchronous throw of a callee propagates (in an async body, as
		// a rejection)
		for _, to := range a.m.ResolveCallee(fr.File, ci).Funcs {
			if to == fr {
				continue
			}
			if t := a.summary(to).syncThrow; t != "" {
				take(c.Span, a.m.Label(to)+" can throw ("+t+")")
			}
		}
		if fn.Async && (c.Await || c.Use == parser.UseReturn) {
			if w := a.callRejects(fr.File, ci, depth+1); w != "" {
				take(c.Span, w)
			}
		}
	}
	return best, why, found
}

// Label names what the rule reports for a rejecting call: the API name or
// the project function.
func Label(m *nest.Model, fi nest.FileID, ci nest.CallID) string {
	if api := API(m, fi, ci); api != "" {
		return api
	}
	c := &m.Files[fi].Facts.Calls[ci]
	for _, fr := range m.ResolveCallee(fi, ci).Funcs {
		return m.Label(fr)
	}
	if c.Path != nil {
		return strings.Join(c.Path, ".")
	}
	return c.Method
}

// QuoteLabel puts the code of a Label in backticks for a message: the
// whole label when it is one word (`AuditService.record`), else its last
// word (Prisma `user.update`, cache manager `del`).
func QuoteLabel(label string) string {
	i := strings.LastIndexByte(label, ' ')
	return label[:i+1] + "`" + label[i+1:] + "`"
}

// timers are the global timer functions whose callbacks run later, outside
// any caller's try block and with their return value ignored.
var timers = map[string]bool{"setTimeout": true, "setInterval": true, "setImmediate": true}

// TimerCall reports whether call ci of file fi is a call of a global timer
// function (not one imported from timers/promises or declared locally).
func TimerCall(m *nest.Model, fi nest.FileID, ci nest.CallID) bool {
	c := &m.Files[fi].Facts.Calls[ci]
	if len(c.Path) == 1 && timers[c.Path[0]] {
		return m.Resolve(fi, nest.FuncID(c.Func), c.Path[0]).Kind == nest.DeclNone
	}
	if len(c.Path) == 2 && (c.Path[0] == "global" || c.Path[0] == "globalThis") && timers[c.Path[1]] {
		return true
	}
	return false
}

// TimerCallback returns the timer call (setInterval, ...) that fr, or a
// function it is nested in, is passed to; ok is false when there is none.
func TimerCallback(m *nest.Model, fr nest.FuncRef) (name string, ok bool) {
	f := m.Files[fr.File].Facts
	for cur := fr.Index; cur >= 0; cur = nest.FuncID(f.Funcs[cur].Parent) {
		if k := f.Funcs[cur].ArgOf; k >= 0 && TimerCall(m, fr.File, nest.CallID(k)) {
			return strings.Join(f.Calls[k].Path, "."), true
		}
	}
	return "", false
}
