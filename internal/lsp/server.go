// Package lsp is nestlint's language server (`nestlint lsp`): the Language
// Server Protocol over stdio. It loads the workspace once, keeps every
// program parsed in memory, and on each change re-parses only the changed
// document from the editor's buffer, links and lints its program again and
// publishes the diagnostics of every file whose findings changed: a change
// in a controller can add or clear an error in a service.
package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strconv"
	"time"

	"github.com/nestlint/nestlint/report"
	"github.com/nestlint/nestlint/rules/lint"
)

// DefaultDebounce is how long the server waits after the last change
// before it lints when changes come in quick succession: typing a word
// lints once. The first change after a quiet moment (no change within the
// debounce) lints at once, so a single edit is not delayed.
const DefaultDebounce = 50 * time.Millisecond

// explainCommand is the command of the "explain" code action.
const explainCommand = "nestlint.explain"

// document is an open document: the editor's buffer.
type document struct {
	uri     string
	path    string
	version int
	text    []byte
}

// Server is one language server session.
type Server struct {
	opts     Options
	in       *reader
	out      *writer
	log      io.Writer
	debounce time.Duration

	m          *model
	docs       map[string]*document // by URI
	pending    map[string]bool      // absolute paths changed since the last lint
	dirty      map[*program]bool
	current    map[string][]report.Diagnostic // absolute path -> what was last published
	published  map[string]string              // URI -> JSON of the diagnostics last published
	timer      *time.Timer
	timerC     <-chan time.Time
	lastChange time.Time        // when schedule last ran
	now        func() time.Time // time.Now; tests set a clock of their own
	reloadWant bool

	initialized bool
	shutdown    bool
	loaded      bool
	showDoc     bool // the client opens URIs (window/showDocument)
	dynWatch    bool // the client registers file watchers dynamically
	nextID      int
	folders     []string

	// afterLint, when set (tests, benchmarks), is called after each lint
	// with the URIs published.
	afterLint func(published []string)
}

// NewServer returns a server reading requests from in and writing to out;
// log gets the server's own messages (stderr).
func NewServer(opts Options, in io.Reader, out io.Writer, log io.Writer) *Server {
	d := time.Duration(opts.Debounce)
	if d == 0 {
		d = DefaultDebounce
	}
	return &Server{opts: opts, in: newReader(in), out: &writer{w: out}, log: log, debounce: d, now: time.Now,
		m: newModel(opts), docs: map[string]*document{}, pending: map[string]bool{}, dirty: map[*program]bool{},
		current: map[string][]report.Diagnostic{}, published: map[string]string{}}
}

// ErrExitWithoutShutdown is returned by Run when the client sent exit
// before shutdown (or closed the stream): LSP asks for exit code 1.
var ErrExitWithoutShutdown = errors.New("exit without shutdown")

type incoming struct {
	body []byte
	err  error
}

// Run serves until the client sends exit or closes the stream, or ctx ends.
func (s *Server) Run(ctx context.Context) error {
	msgs := make(chan incoming)
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			body, err := s.in.read()
			select {
			case msgs <- incoming{body, err}:
			case <-done:
				return
			}
			if err != nil && !errors.Is(err, errFraming) {
				return
			}
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-s.timerC:
			s.timerC = nil
			s.guarded("lint", func() { s.flush(ctx) })
		case in := <-msgs:
			if in.err != nil {
				if errors.Is(in.err, errFraming) {
					s.logf("dropped a message: %v", in.err)
					continue
				}
				if s.shutdown {
					return nil
				}
				if errors.Is(in.err, io.EOF) {
					return ErrExitWithoutShutdown
				}
				return in.err
			}
			if exit := s.handle(ctx, in.body); exit {
				if s.shutdown {
					return nil
				}
				return ErrExitWithoutShutdown
			}
		}
	}
}

// guarded runs fn, turning a panic into a log line: the editor keeps its
// server, and the next change lints again.
func (s *Server) guarded(what string, fn func()) {
	defer func() {
		if r := recover(); r != nil {
			s.logf("internal error during %s: %v\n%s", what, r, debug.Stack())
		}
	}()
	fn()
}

func (s *Server) logf(format string, a ...any) {
	if s.log != nil {
		fmt.Fprintf(s.log, "nestlint lsp: "+format+"\n", a...)
	}
}

// handle processes one message; it reports whether the message was exit.
func (s *Server) handle(ctx context.Context, body []byte) (exit bool) {
	var m message
	if err := json.Unmarshal(body, &m); err != nil {
		s.reply(json.RawMessage("null"), nil, &rpcError{Code: codeParseError, Message: "parse error: " + err.Error()})
		return false
	}
	if m.Method == "" {
		return false // a response to one of our requests
	}
	if m.Method == "exit" {
		return true
	}
	defer func() {
		if r := recover(); r != nil {
			s.logf("internal error handling %s: %v\n%s", m.Method, r, debug.Stack())
			if m.isRequest() {
				s.reply(m.ID, nil, &rpcError{Code: codeInternalError, Message: fmt.Sprint(r)})
			}
		}
	}()
	if m.isRequest() {
		result, err := s.request(ctx, &m)
		s.reply(m.ID, result, err)
		return false
	}
	s.notification(ctx, &m)
	return false
}

func (s *Server) reply(id json.RawMessage, result any, err *rpcError) {
	resp := &message{ID: id}
	if err != nil {
		resp.Error = err
	} else {
		raw, merr := json.Marshal(result)
		if merr != nil {
			resp.Error = &rpcError{Code: codeInternalError, Message: merr.Error()}
		} else {
			resp.Result = raw
		}
	}
	if werr := s.out.write(resp); werr != nil {
		s.logf("write: %v", werr)
	}
}

func (s *Server) notify(method string, params any) {
	raw, err := json.Marshal(params)
	if err != nil {
		s.logf("%s: %v", method, err)
		return
	}
	if err := s.out.write(&message{Method: method, Params: raw}); err != nil {
		s.logf("write: %v", err)
	}
}

// call sends a request to the client; its response is ignored.
func (s *Server) call(method string, params any) {
	raw, err := json.Marshal(params)
	if err != nil {
		return
	}
	s.nextID++
	id, _ := json.Marshal("nestlint-" + strconv.Itoa(s.nextID))
	if err := s.out.write(&message{ID: id, Method: method, Params: raw}); err != nil {
		s.logf("write: %v", err)
	}
}

func bad(err error) *rpcError {
	return &rpcError{Code: codeInvalidParams, Message: "invalid params: " + err.Error()}
}

func (s *Server) request(ctx context.Context, m *message) (any, *rpcError) {
	if m.Method != "initialize" && !s.initialized {
		return nil, &rpcError{Code: codeServerNotInitialized, Message: "initialize first"}
	}
	if s.shutdown {
		return nil, &rpcError{Code: codeInvalidRequest, Message: "the server is shutting down"}
	}
	switch m.Method {
	case "initialize":
		if s.initialized {
			return nil, &rpcError{Code: codeInvalidRequest, Message: "initialize was already sent"}
		}
		var p initializeParams
		if err := unmarshal(m.Params, &p); err != nil {
			return nil, bad(err)
		}
		return s.initialize(&p), nil
	case "shutdown":
		s.shutdown = true
		return nil, nil
	case "textDocument/codeAction":
		var p codeActionParams
		if err := unmarshal(m.Params, &p); err != nil {
			return nil, bad(err)
		}
		s.flush(ctx) // answer from the buffer the editor shows
		return s.codeActions(&p), nil
	case "workspace/executeCommand":
		var p executeCommandParams
		if err := unmarshal(m.Params, &p); err != nil {
			return nil, bad(err)
		}
		return s.executeCommand(&p)
	}
	return nil, &rpcError{Code: codeMethodNotFound, Message: "method not found: " + m.Method}
}

func unmarshal(raw json.RawMessage, v any) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	return json.Unmarshal(raw, v)
}

func (s *Server) initialize(p *initializeParams) any {
	s.initialized = true
	s.showDoc = p.Capabilities.Window.ShowDocument.Support
	s.dynWatch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	for _, f := range p.WorkspaceFolders {
		if path, err := uriToPath(f.URI); err == nil {
			s.folders = append(s.folders, path)
		}
	}
	if len(s.folders) == 0 {
		switch {
		case p.RootURI != "":
			if path, err := uriToPath(p.RootURI); err == nil {
				s.folders = append(s.folders, path)
			}
		case p.RootPath != "":
			s.folders = append(s.folders, cleanAbs(p.RootPath))
		}
	}
	if len(s.folders) == 0 {
		if wd, err := os.Getwd(); err == nil {
			s.folders = append(s.folders, wd)
		}
	}
	return map[string]any{
		"capabilities": map[string]any{
			"textDocumentSync": map[string]any{
				"openClose": true,
				"change":    2, // incremental
				"save":      map[string]any{"includeText": false},
			},
			"codeActionProvider": map[string]any{
				"codeActionKinds": []string{"quickfix"},
			},
			"executeCommandProvider": map[string]any{
				"commands": []string{explainCommand},
			},
		},
		"serverInfo": map[string]any{"name": "nestlint", "version": s.opts.Version},
	}
}

func (s *Server) notification(ctx context.Context, m *message) {
	if !s.initialized {
		return // notifications before initialize are dropped
	}
	switch m.Method {
	case "initialized":
		if s.dynWatch {
			var watchers []fileSystemWatcher
			for _, g := range []string{"**/nestlint.json", "**/tsconfig*.json", "**/package.json", "**/*.{ts,tsx,mts,cts}"} {
				watchers = append(watchers, fileSystemWatcher{GlobPattern: g})
			}
			s.call("client/registerCapability", map[string]any{"registrations": []registration{{
				ID: "nestlint-watch", Method: "workspace/didChangeWatchedFiles",
				RegisterOptions: map[string]any{"watchers": watchers},
			}}})
		}
		s.load(ctx)
	case "textDocument/didOpen":
		var p didOpenParams
		if unmarshal(m.Params, &p) != nil {
			return
		}
		path, err := uriToPath(p.TextDocument.URI)
		if err != nil {
			return
		}
		d := &document{uri: p.TextDocument.URI, path: path, version: p.TextDocument.Version, text: []byte(p.TextDocument.Text)}
		s.docs[d.uri] = d
		if src, ok := s.m.source(path); !ok || string(src) != p.TextDocument.Text {
			s.changed(path)
		} else if s.loaded {
			s.republish(d) // the version changed: publish with it
		}
	case "textDocument/didChange":
		var p didChangeParams
		if unmarshal(m.Params, &p) != nil {
			return
		}
		d := s.docs[p.TextDocument.URI]
		if d == nil {
			return
		}
		for _, c := range p.ContentChanges {
			d.text = applyChange(d.text, c)
		}
		d.version = p.TextDocument.Version
		s.changed(d.path)
	case "textDocument/didSave":
		var p didSaveParams
		if unmarshal(m.Params, &p) != nil {
			return
		}
		if d := s.docs[p.TextDocument.URI]; d != nil && p.Text != nil {
			d.text = []byte(*p.Text)
			s.changed(d.path)
		}
	case "textDocument/didClose":
		var p didCloseParams
		if unmarshal(m.Params, &p) != nil {
			return
		}
		d := s.docs[p.TextDocument.URI]
		if d == nil {
			return
		}
		delete(s.docs, d.uri)
		s.changed(d.path) // the disk's content again
	case "workspace/didChangeWatchedFiles":
		var p didChangeWatchedFilesParams
		if unmarshal(m.Params, &p) != nil {
			return
		}
		s.watched(p.Changes)
	}
}

// watched handles file events: configuration files reload the workspace,
// a TypeScript file created or deleted too (discovery decides whether it
// belongs), a changed one that is not open is read again.
func (s *Server) watched(events []fileEvent) {
	for _, e := range events {
		path, err := uriToPath(e.URI)
		if err != nil {
			continue
		}
		if isConfigFile(path) || e.Type != 2 {
			s.reloadWant = true
			continue
		}
		if s.openPath(path) == nil {
			s.changed(path)
		}
	}
	s.schedule()
}

func (s *Server) openPath(path string) *document {
	for _, d := range s.docs {
		if d.path == path {
			return d
		}
	}
	return nil
}

// changed marks a file to re-parse and schedules a lint.
func (s *Server) changed(path string) {
	s.pending[path] = true
	s.schedule()
}

func (s *Server) schedule() {
	now := s.now()
	quiet := now.Sub(s.lastChange) >= s.debounce // leading edge: nothing changed for a while
	s.lastChange = now
	if s.debounce < 0 || quiet && s.timerC == nil {
		s.timerC = closedTimeChan
		return
	}
	if s.timerC == closedTimeChan {
		return // a lint is due at once: this change joins it
	}
	if s.timer == nil {
		s.timer = time.NewTimer(s.debounce)
	} else {
		s.timer.Stop()
		s.timer.Reset(s.debounce)
	}
	s.timerC = s.timer.C
}

var closedTimeChan = func() <-chan time.Time {
	c := make(chan time.Time)
	close(c)
	return c
}()

// overlay returns the buffers of the open documents, by absolute path.
func (s *Server) overlay() map[string][]byte {
	o := make(map[string][]byte, len(s.docs))
	for _, d := range s.docs {
		o[d.path] = d.text
	}
	return o
}

// load (re)loads the workspace and publishes every file's diagnostics.
func (s *Server) load(ctx context.Context) {
	began := time.Now()
	s.m.load(ctx, s.folders, s.overlay())
	s.loaded = true
	clear(s.pending)
	for _, msg := range s.m.messages {
		s.notify("window/logMessage", showMessageParams{Type: 2, Message: msg})
	}
	for _, p := range s.m.progs {
		s.dirty[p] = true
	}
	// The previous model's files that no program holds any more are
	// cleared by publishAll.
	s.lintDirty(ctx, true, nil)
	n := 0
	for _, p := range s.m.progs {
		n += len(p.files)
	}
	s.logf("loaded %d files in %d programs in %v", n, len(s.m.progs), time.Since(began).Round(time.Millisecond))
}

// flush applies the pending changes and lints what they touched.
func (s *Server) flush(ctx context.Context) {
	if s.timer != nil {
		s.timer.Stop()
	}
	s.timerC = nil
	if !s.loaded {
		return
	}
	if s.reloadWant {
		s.reloadWant = false
		s.load(ctx)
		return
	}
	if len(s.pending) == 0 {
		return
	}
	paths := make([]string, 0, len(s.pending))
	for p := range s.pending {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	clear(s.pending)
	for _, path := range paths {
		var prog *program
		if d := s.openPath(path); d != nil {
			prog = s.m.update(path, d.text)
		} else if src, err := os.ReadFile(path); err == nil {
			prog = s.m.update(path, src)
		} else {
			prog = s.m.remove(path)
		}
		if prog != nil {
			s.dirty[prog] = true
		}
	}
	s.lintDirty(ctx, false, paths)
}

// lintDirty lints the dirty programs and publishes what changed. all
// clears files that no program reports on any more (after a reload);
// touched are the files just changed, which a program may have dropped (a
// deleted file, a new one closed unsaved): their findings are cleared.
func (s *Server) lintDirty(ctx context.Context, all bool, touched []string) {
	next := map[string][]report.Diagnostic{}
	linted := map[string]bool{} // files of the linted programs
	for _, f := range touched {
		linted[f] = true
	}
	for _, p := range s.m.progs {
		if !s.dirty[p] {
			continue
		}
		out, err := s.m.lint(ctx, p)
		if err != nil {
			s.logf("lint %s: %v", p.root, err)
			continue
		}
		for _, msg := range out.messages {
			s.notify("window/logMessage", showMessageParams{Type: 3, Message: msg})
		}
		for f := range p.files {
			linted[f] = true
		}
		for f := range p.problems {
			linted[f] = true
		}
		for f, ds := range out.diags {
			next[f] = append(next[f], ds...)
			linted[f] = true
		}
	}
	clear(s.dirty)
	for f := range s.current {
		if all || linted[f] {
			if _, ok := next[f]; !ok {
				next[f] = nil
			}
		}
	}
	files := make([]string, 0, len(next))
	for f := range next {
		files = append(files, f)
	}
	slices.Sort(files)
	var uris []string
	for _, f := range files {
		ds := next[f]
		if len(ds) == 0 {
			delete(s.current, f)
		} else {
			s.current[f] = ds
		}
		if uri, ok := s.publish(f, ds); ok {
			uris = append(uris, uri)
		}
	}
	if s.afterLint != nil {
		s.afterLint(uris)
	}
}

// republish sends a file's diagnostics again (a document opened with the
// disk's content: the client wants them with its version).
func (s *Server) republish(d *document) {
	delete(s.published, d.uri)
	s.publish(d.path, s.current[d.path])
}

// publish sends the diagnostics of a file when they differ from what was
// last sent; it returns the URI and whether it sent.
func (s *Server) publish(path string, ds []report.Diagnostic) (string, bool) {
	uri := s.uriOf(path)
	lds := s.toLSP(path, ds)
	key, _ := json.Marshal(lds)
	if prev, ok := s.published[uri]; ok && prev == string(key) || !ok && len(lds) == 0 {
		return uri, false
	}
	if len(lds) == 0 {
		delete(s.published, uri)
	} else {
		s.published[uri] = string(key)
	}
	p := publishDiagnosticsParams{URI: uri, Diagnostics: lds}
	if d := s.docs[uri]; d != nil {
		v := d.version
		p.Version = &v
	}
	s.notify("textDocument/publishDiagnostics", p)
	return uri, true
}

// toLSP converts a file's diagnostics.
func (s *Server) toLSP(path string, ds []report.Diagnostic) []diagnostic {
	out := make([]diagnostic, 0, len(ds))
	lines := newLineCache(s.m.source)
	for _, d := range ds {
		ld := diagnostic{
			Range:    lines.rangeOf(d.File, d.Start, d.End),
			Severity: lspSeverity(d.Severity),
			Source:   "nestlint",
			Message:  d.Message,
		}
		if d.RuleID != "" {
			ld.Code = d.RuleID
			if r := s.m.byID[d.RuleID]; r != nil {
				ld.CodeDescription = &codeDescription{Href: r.HelpURL()}
			}
		}
		if d.RuleID == report.UnusedDisableID {
			ld.Tags = []int{tagUnnecessary}
		}
		for i, step := range d.Path {
			ld.RelatedInformation = append(ld.RelatedInformation, diagnosticRelatedInformation{
				Location: location{URI: s.uriOf(step.File), Range: lines.rangeOf(step.File, step.Start, step.End)},
				Message:  fmt.Sprintf("request path %d/%d: %s", i+1, len(d.Path), step.Message),
			})
		}
		for _, rel := range d.Related {
			ld.RelatedInformation = append(ld.RelatedInformation, diagnosticRelatedInformation{
				Location: location{URI: s.uriOf(rel.File), Range: lines.rangeOf(rel.File, rel.Start, rel.End)},
				Message:  rel.Message,
			})
		}
		out = append(out, ld)
	}
	return out
}

func lspSeverity(s lint.Severity) int {
	switch s {
	case lint.Error:
		return severityError
	case lint.Warning:
		return severityWarning
	case lint.Note:
		return severityInformation
	}
	return severityHint
}
