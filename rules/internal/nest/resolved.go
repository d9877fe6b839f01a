package nest

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/nestlint/nestlint/parser"
)

// parallel calls fn(i) for i in [0, n) on at most m.jobs goroutines
// (GOMAXPROCS when unset). Each i must touch only its own slots.
func (m *Model) parallel(n int, fn func(i int)) {
	jobs := m.jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	if jobs > n {
		jobs = n
	}
	if jobs <= 1 {
		for i := 0; i < n; i++ {
			fn(i)
		}
		return
	}
	// Workers take batches of indexes from a counter: a channel send per
	// index cost a goroutine wake-up each, more than indexing a small file.
	const batch = 8
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				start := int(next.Add(batch)) - batch
				if start >= n {
					return
				}
				for i := start; i < min(start+batch, n); i++ {
					fn(i)
				}
			}
		}()
	}
	wg.Wait()
}

// Signals are the process signals a shutdown handler listens to.
var Signals = map[string]bool{"SIGTERM": true, "SIGINT": true, "SIGHUP": true, "SIGUSR2": true, "SIGQUIT": true, "SIGBREAK": true}

// SignalHandler is one `process.on('SIGTERM', handler)` registration
// (also once, addListener, prependListener, prependOnceListener), found
// once for every rule that asks.
type SignalHandler struct {
	File   FileID
	Call   CallID // the process.on call
	Method string // "on", "once", "addListener", ...
	Signal string // "SIGTERM"
	// Handler is the function that runs on the signal: the callback written
	// in place or a project function passed by name; Index is -1 when it
	// is not known.
	Handler FuncRef
}

// signalMethods are the EventEmitter methods that register a listener.
var signalMethods = map[string]bool{"on": true, "once": true, "addListener": true, "prependListener": true, "prependOnceListener": true}

func (m *Model) findSignalHandlers() {
	if p := m.callsFrom; p != nil {
		// what a file registers reads its own calls, its callees and the
		// surfaces of the files its names resolve to
		m.SignalHandlers = mergeByFile(m, p.SignalHandlers, func(h *SignalHandler) FileID { return h.File }, m.signalHandlersOf)
		return
	}
	for fi := range m.AllFiles() {
		m.SignalHandlers = append(m.SignalHandlers, m.signalHandlersOf(fi)...)
	}
}

// signalHandlersOf returns the process signal handlers file fi registers.
func (m *Model) signalHandlersOf(fi FileID) []SignalHandler {
	var out []SignalHandler
	f := m.Files[fi].Facts
	for ci := range CallID(len(f.Calls)) {
		c := &f.Calls[ci]
		if c.New || len(c.Path) != 2 || !signalMethods[c.Path[1]] || len(c.Args) < 2 {
			continue
		}
		if m.ResolveCallee(fi, ci).Global != "process."+c.Path[1] {
			continue
		}
		a := c.Args[0]
		if a.Kind != parser.VString || !Signals[a.Text] {
			continue
		}
		h := SignalHandler{File: fi, Call: ci, Method: c.Path[1], Signal: a.Text, Handler: FuncRef{fi, -1}}
		switch cb := c.Args[1]; cb.Kind {
		case parser.VFunc:
			h.Handler = FuncRef{fi, FuncID(cb.Func)}
		case parser.VIdent:
			if d := m.Resolve(fi, FuncID(c.Func), cb.Text); d.Kind == DeclFunc {
				h.Handler = d.Func()
			} else if parts := strings.Split(cb.Text, "."); len(parts) == 2 && parts[0] == "this" && c.Func >= 0 && f.Funcs[c.Func].Class >= 0 {
				if ts := m.methodTargets(&ClassRef{fi, ClassID(f.Funcs[c.Func].Class)}, "", parts[1]); len(ts) == 1 {
					h.Handler = ts[0]
				}
			}
		}
		out = append(out, h)
	}
	return out
}

// InSignalHandler reports whether function fr is a signal handler's
// callback or nested in one.
func (m *Model) InSignalHandler(fr FuncRef) bool {
	for _, a := range m.Ancestors(fr) {
		for _, h := range m.SignalHandlers {
			if h.Handler == a {
				return true
			}
		}
	}
	return false
}

// Ancestors returns fr and the functions it is nested in, innermost first
// (a callback's parent is the function whose call it is passed to). The
// top level (Index -1) is not included.
func (m *Model) Ancestors(fr FuncRef) []FuncRef {
	var out []FuncRef
	f := m.Files[fr.File].Facts
	for fn, n := fr.Index, 0; fn >= 0 && n < 1024; n++ {
		out = append(out, FuncRef{fr.File, fn})
		next := f.Funcs[fn].Parent
		if next < 0 && f.Funcs[fn].ArgOf >= 0 {
			next = f.Calls[f.Funcs[fn].ArgOf].Func
		}
		fn = FuncID(next)
	}
	return out
}

// ProcessFiles returns the files that run in a Nest application's
// process: the files of the bootstrap sites and every file they import,
// transitively. The set is computed once, when the model is built.
func (m *Model) ProcessFiles() map[FileID]bool { return m.processFiles }

func (m *Model) findProcessFiles() {
	if p := m.callsFrom; p != nil && slices.EqualFunc(m.Bootstraps, p.Bootstraps, func(a, b Bootstrap) bool { return a.File == b.File }) {
		// the same start files, and imports are surface: the same set
		// (read-only after Build, so it is shared)
		m.processFiles = p.processFiles
		return
	}
	in := map[FileID]bool{}
	var work []FileID
	for _, b := range m.Bootstraps {
		if !in[b.File] {
			in[b.File] = true
			work = append(work, b.File)
		}
	}
	for len(work) > 0 {
		fi := work[len(work)-1]
		work = work[:len(work)-1]
		for _, t := range m.FileImports(fi) {
			if !in[t] {
				in[t] = true
				work = append(work, t)
			}
		}
	}
	m.processFiles = in
}
