package queueretention

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

const ruleID = "provider/queue-retention"

// Rule is provider/queue-retention.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "queueretention", SARIFName: "QueueJobsNeverRemoved",
	Severity: lint.Warning, Tags: []string{"reliability"}, Precision: lint.High, Since: "v0.2.0",
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

type tri uint8

const (
	unknown tri = iota
	yes
	no
)

// or combines two sources of the same option: yes wins, then unknown.
func or(a, b tri) tri {
	switch {
	case a == yes || b == yes:
		return yes
	case a == unknown || b == unknown:
		return unknown
	}
	return no
}

// retention is what one configuration source says about the two options.
type retention struct{ complete, fail tri }

func (r retention) or(o retention) retention {
	return retention{or(r.complete, o.complete), or(r.fail, o.fail)}
}

var (
	queueModules = map[string]bool{"bull": true, "bullmq": true}
	nestModules  = map[string]bool{"@nestjs/bull": true, "@nestjs/bullmq": true}
)

// config is the project-wide queue configuration from BullModule calls.
type config struct {
	root            retention            // BullModule.forRoot defaultJobOptions, for every queue
	queues          map[string]retention // BullModule.registerQueue by queue name
	anyUnknownQueue bool                 // a registerQueue whose name could not be read
}

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	cfg := readConfig(m)
	for fi, file := range m.AllFiles() {
		if m.IsOffline(fi) {
			continue
		}
		lint.Guard(pass, file.Path, func() { check(pass, m, fi, file, cfg) })
	}
	return nil, nil
}

// policy is the rule's context policy, in one place: finished jobs pile up
// in Redis whichever code adds them; only offline code is left alone.
func policy(m *nest.Model, fr nest.FuncRef) lint.Severity {
	if m.ContextOf(fr) == nest.Offline {
		return lint.Off
	}
	return lint.Warning
}

func readConfig(m *nest.Model) config {
	cfg := config{root: retention{no, no}, queues: map[string]retention{}}
	for fi, file := range m.AllFiles() {
		for _, c := range file.Facts.Calls {
			if len(c.Path) != 2 {
				continue
			}
			d := m.ResolveTop(fi, c.Path[0])
			if d.Kind != nest.DeclExternal || !nestModules[d.Module] || d.Name != "BullModule" {
				continue
			}
			switch c.Path[1] {
			case "forRoot", "forRootAsync":
				for _, a := range c.Args {
					if a.Kind == parser.VObject || a.Kind == parser.VIdent {
						cfg.root = cfg.root.or(moduleOptions(m, fi, a, c.Path[1] == "forRootAsync"))
					}
				}
			case "registerQueue", "registerQueueAsync":
				for _, a := range c.Args {
					name, ok := queueName(m, fi, a)
					r := moduleOptions(m, fi, a, c.Path[1] == "registerQueueAsync")
					if !ok {
						cfg.anyUnknownQueue = true
						continue
					}
					prev, seen := cfg.queues[name]
					if !seen {
						prev = retention{no, no}
					}
					cfg.queues[name] = prev.or(r)
				}
			}
		}
	}
	return cfg
}

// queueName reads the name of a registerQueue options object.
func queueName(m *nest.Model, fi nest.FileID, v parser.Value) (string, bool) {
	v = resolve(m, fi, -1, v, 0)
	if v.Kind != parser.VObject {
		return "", false
	}
	for _, p := range v.Props() {
		if p.Key == "name" {
			return stringOf(m, fi, -1, p.Value)
		}
	}
	return "default", true
}

func stringOf(m *nest.Model, fi nest.FileID, fn int, v parser.Value) (string, bool) {
	v = resolve(m, fi, fn, v, 0)
	if v.Kind == parser.VString {
		return v.Text, true
	}
	return "", false
}

// resolve follows an identifier to the constant it names, across files.
func resolve(m *nest.Model, fi nest.FileID, fn int, v parser.Value, depth int) parser.Value {
	for ; depth < 8 && v.Kind == parser.VIdent && !strings.Contains(v.Text, "."); depth++ {
		d := m.Resolve(fi, nest.FuncID(fn), v.Text)
		if d.Kind != nest.DeclVar || d.Index < 0 {
			return v
		}
		l := &m.Files[d.File].Facts.Locals[d.Index]
		if !l.HasValue || l.Kind != "const" {
			return v
		}
		v, fi, fn = l.Value, d.File, -1
	}
	return v
}

// moduleOptions reads defaultJobOptions from BullModule options, or from
// what an async registration's useFactory returns.
func moduleOptions(m *nest.Model, fi nest.FileID, v parser.Value, async bool) retention {
	obj, ofile := resolveIn(m, fi, -1, v)
	if obj.Kind != parser.VObject {
		return retention{unknown, unknown}
	}
	if async {
		for _, p := range obj.Props() {
			switch p.Key {
			case "useFactory":
				if p.Value.Kind != parser.VFunc || p.Value.Func < 0 {
					return retention{unknown, unknown}
				}
				r := retention{no, no}
				for _, ret := range m.Files[ofile].Facts.Returns {
					if ret.Func == int(p.Value.Func) {
						r = r.or(defaults(m, ofile, ret.Func, ret.Value))
					}
				}
				return r
			case "useClass", "useExisting":
				return retention{unknown, unknown}
			}
		}
	}
	return defaults(m, ofile, -1, obj)
}

func resolveIn(m *nest.Model, fi nest.FileID, fn int, v parser.Value) (parser.Value, nest.FileID) {
	for depth := 0; depth < 8 && v.Kind == parser.VIdent && !strings.Contains(v.Text, "."); depth++ {
		d := m.Resolve(fi, nest.FuncID(fn), v.Text)
		if d.Kind != nest.DeclVar || d.Index < 0 {
			return v, fi
		}
		l := &m.Files[d.File].Facts.Locals[d.Index]
		if !l.HasValue {
			return v, fi
		}
		v, fi, fn = l.Value, d.File, -1
	}
	return v, fi
}

// defaults reads `defaultJobOptions` of a queue or module options object.
func defaults(m *nest.Model, fi nest.FileID, fn int, v parser.Value) retention {
	obj, ofile := resolveIn(m, fi, fn, v)
	if obj.Kind != parser.VObject {
		return retention{unknown, unknown}
	}
	r := retention{no, no}
	for _, p := range obj.Props() {
		switch p.Key {
		case "defaultJobOptions":
			r = r.or(jobOptions(m, ofile, fn, p.Value, 0))
		case "...":
			r = r.or(defaults(m, ofile, fn, p.Value))
		}
	}
	return r
}

// jobOptions reads removeOnComplete/removeOnFail from job options,
// following constants and spreads across files.
func jobOptions(m *nest.Model, fi nest.FileID, fn int, v parser.Value, depth int) retention {
	if depth > 8 {
		return retention{unknown, unknown}
	}
	obj, ofile := resolveIn(m, fi, fn, v)
	switch obj.Kind {
	case parser.VObject:
	case parser.VNull:
		return retention{no, no}
	default:
		return retention{unknown, unknown}
	}
	r := retention{no, no}
	for _, p := range obj.Props() {
		switch p.Key {
		case "removeOnComplete":
			r.complete = or(r.complete, keep(p.Value))
		case "removeOnFail":
			r.fail = or(r.fail, keep(p.Value))
		case "...":
			r = r.or(jobOptions(m, ofile, fn, p.Value, depth+1))
		}
	}
	return r
}

// keep says whether an option value removes jobs: false and 0 do not.
func keep(v parser.Value) tri {
	switch v.Kind {
	case parser.VBool:
		if v.Text == "false" {
			return no
		}
		return yes
	case parser.VNumber:
		if v.Text == "0" {
			return no
		}
		return yes
	case parser.VNull:
		return no
	}
	return yes
}

// queueOf identifies the queue a call is made on: its name and the
// defaultJobOptions of a `new Queue(name, opts)` it was created with.
func queueOf(m *nest.Model, fi nest.FileID, c *parser.Call) (name string, own retention, ok bool) {
	h, found := rejects.HolderOf(m, fi, c.Func, c.Path[:len(c.Path)-1])
	if !found {
		return "", retention{}, false
	}
	mod, _, _ := strings.Cut(h.External, ":")
	switch {
	case queueModules[mod] && strings.HasSuffix(h.External, ":Queue"):
		for _, d := range h.Deco {
			if d.Name != "InjectQueue" {
				continue
			}
			if len(d.Args) == 0 {
				return "default", retention{no, no}, true
			}
			n, ok := stringOf(m, fi, -1, d.Args[0])
			return n, retention{no, no}, ok
		}
		if h.Init.Kind == parser.VNew {
			return newQueue(m, h)
		}
		return "", retention{}, false
	case h.Init.Kind == parser.VNew:
		return newQueue(m, h)
	}
	return "", retention{}, false
}

func newQueue(m *nest.Model, h rejects.Holder) (string, retention, bool) {
	root := strings.Split(h.Init.Text, ".")[0]
	d := m.ResolveTop(h.InitFile, root)
	if d.Kind != nest.DeclExternal || !queueModules[d.Module] || (d.Name != "Queue" && d.Name != "default") {
		return "", retention{}, false
	}
	if len(h.Init.Elems()) == 0 {
		return "", retention{}, false
	}
	name, ok := stringOf(m, h.InitFile, -1, h.Init.Elems()[0])
	own := retention{no, no}
	if len(h.Init.Elems()) > 1 {
		own = defaults(m, h.InitFile, -1, h.Init.Elems()[1])
	}
	return name, own, ok
}

func check(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File, cfg config) {
	f := file.Facts
	for ci := range f.Calls {
		c := &f.Calls[ci]
		if c.New || len(c.Path) < 2 || (c.Method != "add" && c.Method != "addBulk") {
			continue
		}
		name, own, ok := queueOf(m, fi, c)
		if !ok {
			continue
		}
		r := own.or(cfg.root)
		if q, seen := cfg.queues[name]; seen {
			r = r.or(q)
		} else if cfg.anyUnknownQueue {
			r = r.or(retention{unknown, unknown})
		}
		r = r.or(callOptions(m, fi, c))
		if r.complete != no {
			continue
		}
		sev := policy(m, nest.FuncRef{File: fi, Index: nest.FuncID(c.Func)})
		if sev == lint.Off {
			continue
		}
		also := ""
		if r.fail == no {
			also = " (nor `removeOnFail`)"
		}
		lint.Report(pass, sev, file.Pos(c.Span.Start), file.Pos(c.Span.End),
			fmt.Sprintf("jobs of queue %s are never removed: no `removeOnComplete`%s is set, so finished jobs fill Redis; set it, e.g. `{ age: 3600 }`", lint.QuoteMax(name, lint.MaxMessageQuote), also))
	}
}

// callOptions reads the job options of an add/addBulk call.
func callOptions(m *nest.Model, fi nest.FileID, c *parser.Call) retention {
	if c.Method == "addBulk" {
		if len(c.Args) == 0 {
			return retention{unknown, unknown}
		}
		arr, afile := resolveIn(m, fi, c.Func, c.Args[0])
		if arr.Kind != parser.VArray {
			return retention{unknown, unknown}
		}
		r := retention{yes, yes}
		for _, e := range arr.Elems() {
			job, jfile := resolveIn(m, afile, c.Func, e)
			if job.Kind != parser.VObject {
				return retention{unknown, unknown}
			}
			jr := retention{no, no}
			for _, p := range job.Props() {
				if p.Key == "opts" {
					jr = jobOptions(m, jfile, c.Func, p.Value, 0)
				}
			}
			r = retention{and(r.complete, jr.complete), and(r.fail, jr.fail)}
		}
		return r
	}
	r := retention{no, no}
	if len(c.Args) > 2 {
		r = jobOptions(m, fi, c.Func, c.Args[2], 0)
	}
	if len(c.Args) > 1 && c.Args[0].Kind != parser.VString && c.Args[0].Kind != parser.VTemplate {
		// Bull also takes add(data, opts); the first argument is not a name
		r = r.or(jobOptions(m, fi, c.Func, c.Args[1], 0))
	}
	return r
}

func and(a, b tri) tri {
	switch {
	case a == no || b == no:
		return no
	case a == unknown || b == unknown:
		return unknown
	}
	return yes
}
