package nest

import (
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/rules/lint"
)

// Policy is the standard way a finding in a function is judged by where
// the function runs: the severity for each context, Off meaning "not
// reported". The zero Policy is not useful; start from DefaultPolicy.
type Policy struct {
	Request, Unknown, Startup, Shutdown, Offline lint.Severity
}

// DefaultPolicy is RULES.md's severity default: a proven request-path
// problem is an error with its path, code no entry point is known to reach
// a warning, and code that runs once (startup, shutdown) or offline is not
// reported.
var DefaultPolicy = Policy{Request: lint.Error, Unknown: lint.Warning}

// For returns the severity of context c.
func (p Policy) For(c Context) lint.Severity {
	switch c {
	case Request:
		return p.Request
	case Unknown:
		return p.Unknown
	case Startup:
		return p.Startup
	case Shutdown:
		return p.Shutdown
	}
	return p.Offline
}

// Finding is what a rule found in a function, in words the policy
// completes with where the function runs.
type Finding struct {
	Func     FuncRef
	Pos, End token.Pos
	// What says what is wrong and why, with identifiers in backticks:
	// "`fs.readFileSync` blocks the event loop".
	What string
	// Fix says what to do instead: "use `fs.promises.readFile`".
	Fix string
}

// Placement is where a function runs: its context and, on the request
// path, the path from an entry point that proves it.
type Placement struct {
	Context Context
	Path    []Step
}

// Place returns where fr runs.
func (m *Model) Place(fr FuncRef) Placement {
	p := Placement{Context: m.ContextOf(fr)}
	if p.Context == Request {
		p.Path = m.PathTo(fr)
	}
	return p
}

// Message returns the finding's message for a context: the what, where it
// runs, and the fix. The request path itself travels with the finding
// (text output prints it once, after the message, as "via A → B"), so the
// message never names the entry point again.
func (m *Model) Message(f Finding, c Context) string {
	msg := f.What + m.Where(f.Func, c)
	if f.Fix != "" {
		msg += "; " + f.Fix
	}
	return msg
}

// Where is the shared phrase for where fr runs in context c, to append to
// what a finding says: " on the request path" (the path follows the
// message, so the entry point is not named here), " in `F` (startup
// code)", or " in `F` (no known entry point)".
func (m *Model) Where(fr FuncRef, c Context) string {
	switch c {
	case Request:
		return " " + m.perEventPhrase(fr)
	case Unknown:
		return fmt.Sprintf(" in `%s` (no known entry point)", m.Label(fr))
	}
	return fmt.Sprintf(" in `%s` (%s code)", m.Label(fr), c)
}

// Report reports f with policy p: the severity of the function's context
// (nothing when Off), its message, and the request path when there is
// one. It reports whether anything was reported.
func (m *Model) Report(pass *analysis.Pass, p Policy, f Finding, opts ...lint.Option) bool {
	pl := m.Place(f.Func)
	sev := p.For(pl.Context)
	if sev == lint.Off {
		return false
	}
	if len(pl.Path) > 0 {
		opts = append(opts, lint.WithPath(m.StepsFor(pl.Path)))
	}
	lint.Report(pass, sev, f.Pos, f.End, m.Message(f, pl.Context), opts...)
	return true
}

// perEventPhrase says what kind of per-event code fr runs in, from the
// entry point its path starts at: a scheduled job, a queue job or an event
// handler block the event loop like a request handler does, but calling
// them "the request path" reads wrong to a NestJS engineer.
func (m *Model) perEventPhrase(fr FuncRef) string {
	path := m.PathTo(fr)
	if len(path) == 0 {
		return "on the request path"
	}
	return PerEventPhrase(m.EntryWhy(path[0].Func))
}

// PerEventPhrase maps why a function is an entry point (EntryWhy) to the
// phrase a message uses for code it reaches.
func PerEventPhrase(why string) string {
	has := func(parts ...string) bool {
		for _, p := range parts {
			if strings.Contains(why, p) {
				return true
			}
		}
		return false
	}
	switch {
	case has("@Cron(", "@Interval(", "@Timeout("):
		return "in a scheduled job"
	case has("@Process(", "@OnQueueEvent(", "@OnWorkerEvent(", "BullMQ", "KafkaJS", "@SqsMessageHandler(", "@RabbitSubscribe("):
		return "in a queue job"
	case has("@OnEvent(", "@EventHandler(", "@EventPattern("):
		return "in an event handler"
	}
	return "on the request path"
}
