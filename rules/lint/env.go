package lint

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"runtime/debug"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/internal/trace"
)

// RuleConfig is the configuration of one rule.
type RuleConfig struct {
	// Severity overrides the rule's default severity; nil keeps it.
	Severity *Severity
	// Options is the rule's options object, decoded by Options.
	Options json.RawMessage
}

// Settings is the run's configuration as rules see it.
type Settings struct {
	Rules map[string]RuleConfig // by public rule id
	// EntryPoints are extra decorator names that start the request path.
	EntryPoints []string
	// Offline are extra glob patterns (relative to the project root) of
	// offline code.
	Offline []string
	// Root is the project root (absolute).
	Root string
	// Jobs bounds the goroutines of the link stage (0: GOMAXPROCS).
	Jobs int
	// Scope is ScopeServer (report only NestJS server code: the import
	// closure of the Nest roots) or ScopeAll; "" reports everything too,
	// which is what rule tests want.
	Scope string
	// Memo, when set, keeps state that analyzers may reuse between runs of
	// the same program: the language server relints a program on every
	// edit, and the link stage re-indexes only the files that changed.
	// Nil in one-shot runs.
	Memo *Memo
}

// Memo is a keyed store that outlives one run (Settings.Memo). Whatever
// an analyzer keeps there must be valid for any later run it is offered
// to: the analyzer checks that its inputs match before it reuses it.
type Memo struct {
	mu sync.Mutex
	m  map[string]any
}

// Get returns the value stored under key, or nil.
func (m *Memo) Get(key string) any {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.m[key]
}

// Set stores v under key.
func (m *Memo) Set(key string, v any) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = map[string]any{}
	}
	m.m[key] = v
}

// Scopes.
const (
	ScopeServer = "server"
	ScopeAll    = "all"
)

// ScopeResult is what link decides about the program's scope: the files
// that are not NestJS server code, and one notice per package or folder
// left out (its folder and the message).
type ScopeResult struct {
	OutOfScope map[string]bool // absolute paths
	Groups     []ScopeGroup
}

// ScopeGroup is one package or folder outside the default scope.
type ScopeGroup struct {
	Dir     string // absolute folder
	Message string // "browser app (@angular/core), 412 files not linted; use --scope all to lint it"
}

// ToolError is an internal failure: a rule that panicked or failed.
type ToolError struct {
	Analyzer string
	File     string // absolute path, when known
	Message  string
}

// Env is the run environment handed to analyzers: settings and the sink of
// tool errors. The checker provides it as the result of EnvAnalyzer.
type Env struct {
	Settings *Settings
	// Ctx is the run's context, nil when there is none: Guard skips its
	// work once it is cancelled, so that an interrupted run stops inside
	// long per-file loops too.
	Ctx     context.Context
	mu      sync.Mutex
	errs    []ToolError
	notices []Notice
	scope   *ScopeResult
}

// SetScope records the scope link decided; the checker filters findings
// with it.
func (e *Env) SetScope(s *ScopeResult) {
	e.mu.Lock()
	e.scope = s
	e.mu.Unlock()
}

// Scope returns the scope link decided, or nil.
func (e *Env) Scope() *ScopeResult {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.scope
}

// Notice is a problem with the input that is not a finding and not a tool
// error: a malformed tsconfig.json, a work budget that was hit. It goes to
// stderr and to the JSON and SARIF outputs; it does not change the exit
// code.
type Notice struct {
	Level   Severity // Warning or Note
	File    string   // absolute path, when known
	Message string
}

// AddNotice records a notice.
func (e *Env) AddNotice(n Notice) {
	e.mu.Lock()
	e.notices = append(e.notices, n)
	e.mu.Unlock()
}

// Notices returns the notices recorded so far.
func (e *Env) Notices() []Notice {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]Notice(nil), e.notices...)
}

// NewEnv returns an Env with the given settings (nil means defaults).
func NewEnv(s *Settings) *Env {
	if s == nil {
		s = &Settings{}
	}
	return &Env{Settings: s}
}

// AddError records a tool error.
func (e *Env) AddError(te ToolError) {
	e.mu.Lock()
	e.errs = append(e.errs, te)
	e.mu.Unlock()
}

// Errors returns the tool errors recorded so far.
func (e *Env) Errors() []ToolError {
	e.mu.Lock()
	defer e.mu.Unlock()
	return append([]ToolError(nil), e.errs...)
}

// EnvAnalyzer provides *Env; the checker computes its result.
var EnvAnalyzer = &analysis.Analyzer{
	Name:       "env",
	Doc:        "env provides the run's settings to rules",
	Run:        func(*analysis.Pass) (any, error) { return nil, errors.New("env: the checker provides this result") },
	ResultType: reflect.TypeOf((*Env)(nil)),
}

// EnvOf returns the Env of a pass, or a default one when the analyzer does
// not require EnvAnalyzer.
func EnvOf(pass *analysis.Pass) *Env {
	if e, ok := pass.ResultOf[EnvAnalyzer].(*Env); ok {
		return e
	}
	return NewEnv(nil)
}

// Options decodes the options of rule id into v (a pointer to a struct
// holding the defaults). Unknown fields are an error.
func (s *Settings) Options(id string, v any) error {
	if s == nil {
		return nil
	}
	rc, ok := s.Rules[id]
	if !ok || len(rc.Options) == 0 {
		return nil
	}
	dec := json.NewDecoder(strings.NewReader(string(rc.Options)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("options of %s: %w", id, err)
	}
	return nil
}

// Guard runs fn for one file of a rule and turns a panic into a tool error
// naming the analyzer and the file, so that the rule goes on with the next
// file and the other rules are untouched.
func Guard(pass *analysis.Pass, file string, fn func()) {
	if ctx := EnvOf(pass).Ctx; ctx != nil && ctx.Err() != nil {
		return // interrupted: the run's result is thrown away
	}
	trace.File(file, true)
	defer trace.File(file, false)
	defer func() {
		if r := recover(); r != nil {
			EnvOf(pass).AddError(ToolError{Analyzer: pass.Analyzer.Name, File: file,
				Message: fmt.Sprintf("panic: %v\n%s", r, firstFrames(debug.Stack()))})
		}
	}()
	fn()
}

func firstFrames(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	if len(lines) > 12 {
		lines = lines[:12]
	}
	return strings.Join(lines, "\n")
}
