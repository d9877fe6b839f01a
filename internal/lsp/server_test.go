package lsp

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const (
	syncIO       = "event-loop/sync-io"
	hooksMissing = "shutdown/hooks-missing"
)

// TestSession drives a whole session: the request-path error in the
// service comes and goes with an edit of the controller, code actions, the
// explain command, shutdown and exit.
func TestSession(t *testing.T) {
	root := copyFixture(t, "shop")
	c := startClient(t, testOptions(t))
	resp := c.initialize(root)
	var init struct {
		Capabilities struct {
			TextDocumentSync struct {
				Change int `json:"change"`
			} `json:"textDocumentSync"`
			ExecuteCommandProvider struct {
				Commands []string `json:"commands"`
			} `json:"executeCommandProvider"`
		} `json:"capabilities"`
	}
	if err := json.Unmarshal(resp.Result, &init); err != nil {
		t.Fatal(err)
	}
	if init.Capabilities.TextDocumentSync.Change != 2 || len(init.Capabilities.ExecuteCommandProvider.Commands) != 1 {
		t.Errorf("capabilities: %s", resp.Result)
	}

	service := pathToURI(filepath.Join(root, "src/orders/orders.service.ts"))
	controller := pathToURI(filepath.Join(root, "src/orders/orders.controller.ts"))
	mainTS := pathToURI(filepath.Join(root, "src/main.ts"))

	// The load publishes the workspace's findings, files never opened included.
	ds := c.waitDiags(service, "after the load", hasCode(syncIO))
	d := find(ds, syncIO)
	if d.Severity != severityError || d.Source != "nestlint" || !strings.Contains(d.Message, "readFileSync") {
		t.Errorf("sync-io diagnostic: %+v", d)
	}
	if d.CodeDescription == nil || d.CodeDescription.Href != "https://github.com/nestlint/nestlint/blob/main/docs/rules/event-loop/sync-io.md" {
		t.Errorf("codeDescription: %+v", d.CodeDescription)
	}
	// readFileSync is on line 17 (0-based 16), column 12 (0-based 11); the
	// service also reads the template at start-up, which is no finding.
	if d.Range.Start != (position{Line: 16, Character: 11}) {
		t.Errorf("range: %+v", d.Range)
	}
	var inController bool
	for _, ri := range d.RelatedInformation {
		if ri.Location.URI == controller && strings.HasPrefix(ri.Message, "request path 1/") {
			inController = true
		}
	}
	if !inController {
		t.Errorf("relatedInformation does not start the request path in the controller: %+v", d.RelatedInformation)
	}
	if len(d.Tags) != 0 {
		t.Errorf("tags: %v", d.Tags)
	}
	c.waitDiags(mainTS, "after the load", hasCode(hooksMissing))
	if len(c.requests) == 0 || c.requests[0].Method != "client/registerCapability" {
		t.Errorf("no file watcher registration: %+v", c.requests)
	}

	// The controller stops calling the service: the service's error goes,
	// although the service did not change.
	ctrlText := readText(t, filepath.Join(root, "src/orders/orders.controller.ts"))
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: controller, Version: 1, Text: ctrlText}})
	// Line 10 (0-based 9): "    return this.orders.renderInvoice(id);"
	line := "    return this.orders.renderInvoice(id);"
	c.notify("textDocument/didChange", didChangeParams{
		TextDocument: versionedTextDocumentIdentifier{URI: controller, Version: 2},
		ContentChanges: []contentChange{{
			Range: &lspRange{Start: position{Line: 9, Character: 0}, End: position{Line: 9, Character: len(line)}},
			Text:  "    return id;",
		}},
	})
	c.waitDiags(service, "after the controller stopped calling the service", withoutCode(syncIO))
	if len(c.diags[service]) != 0 {
		t.Errorf("the service keeps diagnostics: %+v", c.diags[service])
	}
	// The disk was not read: the file there still calls the service.
	if !strings.Contains(readText(t, filepath.Join(root, "src/orders/orders.controller.ts")), "renderInvoice") {
		t.Fatal("fixture changed on disk")
	}

	// Undo (a whole-text change): the error is back.
	c.notify("textDocument/didChange", didChangeParams{
		TextDocument:   versionedTextDocumentIdentifier{URI: controller, Version: 3},
		ContentChanges: []contentChange{{Text: ctrlText}},
	})
	c.waitDiags(service, "after the undo", hasCode(syncIO))

	// Code actions on the missing enableShutdownHooks.
	hm := find(c.diags[mainTS], hooksMissing)
	ca := c.request("textDocument/codeAction", codeActionParams{TextDocument: textDocumentIdentifier{URI: mainTS}, Range: hm.Range})
	var actions []codeAction
	if err := json.Unmarshal(ca.Result, &actions); err != nil {
		t.Fatalf("codeAction: %s %v", ca.Result, err)
	}
	var fix, disable, explain *codeAction
	for i := range actions {
		a := &actions[i]
		switch {
		case strings.HasPrefix(a.Title, "Disable "):
			disable = a
		case strings.HasPrefix(a.Title, "Explain "):
			explain = a
		case a.Edit != nil:
			fix = a
		}
	}
	if fix == nil || disable == nil || explain == nil {
		t.Fatalf("code actions: %+v", actions)
	}
	edits := fix.Edit.Changes[mainTS]
	if len(edits) != 1 || !strings.Contains(edits[0].NewText, "app.enableShutdownHooks();") || edits[0].Range.Start.Line != 5 {
		t.Errorf("fix edits: %+v", fix.Edit.Changes)
	}
	dEdits := disable.Edit.Changes[mainTS]
	wantDirective := "  // nestlint-disable-next-line shutdown/hooks-missing -- " + reasonPlaceholder + "\n"
	if len(dEdits) != 1 || dEdits[0].NewText != wantDirective || dEdits[0].Range.Start != (position{Line: 4}) {
		t.Errorf("disable edit: %+v", dEdits)
	}
	if explain.Command == nil || explain.Command.Command != explainCommand {
		t.Errorf("explain: %+v", explain)
	}
	// A range without findings has no actions.
	none := c.request("textDocument/codeAction", codeActionParams{TextDocument: textDocumentIdentifier{URI: mainTS},
		Range: lspRange{Start: position{Line: 0}, End: position{Line: 0, Character: 3}}})
	if string(none.Result) != "[]" {
		t.Errorf("actions on the import line: %s", none.Result)
	}

	// Apply the disable action as the client would: the finding goes.
	mainPath := filepath.Join(root, "src/main.ts")
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: mainTS, Version: 1, Text: readText(t, mainPath)}})
	c.notify("textDocument/didChange", didChangeParams{
		TextDocument:   versionedTextDocumentIdentifier{URI: mainTS, Version: 2},
		ContentChanges: []contentChange{{Range: &dEdits[0].Range, Text: dEdits[0].NewText}},
	})
	c.waitDiags(mainTS, "after the disable comment", withoutCode(hooksMissing))

	// Explain asks the client to open the rule's page.
	before := len(c.requests)
	ex := c.request("workspace/executeCommand", map[string]any{"command": explainCommand, "arguments": []string{syncIO}})
	if ex.Error != nil {
		t.Fatalf("executeCommand: %v", ex.Error)
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(c.requests) == before && time.Now().Before(deadline) {
		c.next(5 * time.Second)
	}
	if len(c.requests) == before || c.requests[before].Method != "window/showDocument" ||
		!strings.Contains(string(c.requests[before].Params), "sync-io.md") {
		t.Errorf("explain did not ask to show the doc: %+v", c.requests[before:])
	}
	c.shutdown()
}

// TestBadMessages: malformed input gets error responses and the server
// keeps serving.
func TestBadMessages(t *testing.T) {
	root := copyFixture(t, "shop")
	c := startClient(t, testOptions(t))

	early := c.request("textDocument/codeAction", map[string]any{})
	if early.Error == nil || early.Error.Code != codeServerNotInitialized {
		t.Errorf("request before initialize: %+v", early)
	}
	c.initialize(root)

	// Not JSON: a parse error with a null id.
	body := []byte("{not json")
	c.w.mu.Lock()
	c.toSrv.Write([]byte("Content-Length: " + itoa(len(body)) + "\r\n\r\n"))
	c.toSrv.Write(body)
	c.w.mu.Unlock()
	for {
		m := c.next(10 * time.Second)
		if m.Method == "" && m.Error != nil {
			if m.Error.Code != codeParseError || string(m.ID) != "null" {
				t.Errorf("parse error response: %+v", m)
			}
			break
		}
	}
	// A header line that is not a header: dropped, the stream goes on.
	c.w.mu.Lock()
	c.toSrv.Write([]byte("garbage without a colon\r\n"))
	c.w.mu.Unlock()

	if m := c.request("no/such/method", nil); m.Error == nil || m.Error.Code != codeMethodNotFound {
		t.Errorf("unknown method: %+v", m)
	}
	if m := c.request("textDocument/codeAction", "a string"); m.Error == nil || m.Error.Code != codeInvalidParams {
		t.Errorf("invalid params: %+v", m)
	}
	if m := c.request("workspace/executeCommand", map[string]any{"command": explainCommand, "arguments": []string{"no/such-rule"}}); m.Error == nil {
		t.Errorf("explain of an unknown rule: %+v", m)
	}
	// Notifications with bad params and unknown URIs are ignored.
	c.notify("textDocument/didChange", map[string]any{"textDocument": 5})
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: "untitled:1", Text: "x"}})
	c.notify("textDocument/didChange", didChangeParams{TextDocument: versionedTextDocumentIdentifier{URI: "file:///nowhere.ts"}})
	if m := c.request("initialize", map[string]any{}); m.Error == nil {
		t.Errorf("second initialize: %+v", m)
	}
	// Exit without shutdown: Run reports it (exit code 1).
	c.notify("exit", nil)
	select {
	case err := <-c.done:
		if !errors.Is(err, ErrExitWithoutShutdown) {
			t.Errorf("exit without shutdown: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the server did not exit")
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

// TestWatchedConfig: a nestlint.json that turns a rule off, announced by a
// watched-file event, clears its findings.
func TestWatchedConfig(t *testing.T) {
	root := copyFixture(t, "shop")
	c := startClient(t, testOptions(t))
	c.initialize(root)
	service := pathToURI(filepath.Join(root, "src/orders/orders.service.ts"))
	mainTS := pathToURI(filepath.Join(root, "src/main.ts"))
	c.waitDiags(service, "after the load", hasCode(syncIO))
	cfg := filepath.Join(root, "nestlint.json")
	if err := os.WriteFile(cfg, []byte(`{"rules": {"event-loop/sync-io": "off"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", didChangeWatchedFilesParams{Changes: []fileEvent{{URI: pathToURI(cfg), Type: 1}}})
	c.waitDiags(service, "after sync-io was turned off", withoutCode(syncIO))
	if !hasCode(hooksMissing)(c.diags[mainTS]) {
		t.Errorf("other findings went too: %+v", c.diags[mainTS])
	}
	// A file changed on disk (not open) is read again.
	svcPath := filepath.Join(root, "src/main.ts")
	fixed := strings.Replace(readText(t, svcPath), "  await app.listen", "  app.enableShutdownHooks();\n  await app.listen", 1)
	if err := os.WriteFile(svcPath, []byte(fixed), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", didChangeWatchedFilesParams{Changes: []fileEvent{{URI: mainTS, Type: 2}}})
	c.waitDiags(mainTS, "after main.ts was fixed on disk", withoutCode(hooksMissing))
	c.shutdown()
}

func TestOffsetOf(t *testing.T) {
	src := []byte("ab\r\n😀x\ry\n")
	for _, tc := range []struct {
		pos  position
		want int
	}{
		{position{0, 0}, 0},
		{position{0, 2}, 2},
		{position{0, 9}, 2}, // clamped to the line
		{position{1, 0}, 4},
		{position{1, 2}, 8}, // after the surrogate pair
		{position{1, 3}, 9},
		{position{2, 1}, 11},
		{position{3, 0}, 12},
		{position{7, 0}, 12},
	} {
		if got := offsetOf(src, tc.pos); got != tc.want {
			t.Errorf("offsetOf(%+v) = %d, want %d", tc.pos, got, tc.want)
		}
	}
	got := applyChange([]byte("hello\nworld\n"), contentChange{Range: &lspRange{Start: position{1, 0}, End: position{1, 5}}, Text: "there"})
	if string(got) != "hello\nthere\n" {
		t.Errorf("applyChange: %q", got)
	}
}

func TestURIs(t *testing.T) {
	p := "/tmp/a b/c#d.ts"
	uri := pathToURI(p)
	if uri != "file:///tmp/a%20b/c%23d.ts" {
		t.Errorf("pathToURI = %q", uri)
	}
	if _, err := uriToPath("untitled:Untitled-1"); err == nil {
		t.Error("uriToPath accepted an untitled URI")
	}
}

// TestNewAndForeignFiles: a file created in the editor joins its program
// (its findings are published) and leaves it when closed unsaved; a file
// opened from node_modules is never linted.
func TestNewAndForeignFiles(t *testing.T) {
	root := copyFixture(t, "shop")
	c := startClient(t, testOptions(t))
	c.initialize(root)
	service := pathToURI(filepath.Join(root, "src/orders/orders.service.ts"))
	c.waitDiags(service, "after the load", hasCode(syncIO))

	src := "import { execSync } from 'child_process';\nimport { Injectable } from '@nestjs/common';\n\n" +
		"@Injectable()\nexport class ReportsService {\n  run(): string {\n    return execSync('ls').toString();\n  }\n}\n"
	vendored := pathToURI(filepath.Join(root, "node_modules/some-lib/reports.service.ts"))
	fresh := pathToURI(filepath.Join(root, "src/orders/reports.service.ts"))
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: vendored, Version: 1, Text: src}})
	c.notify("textDocument/didOpen", didOpenParams{TextDocument: textDocumentItem{URI: fresh, Version: 1, Text: src}})
	c.waitDiags(fresh, "after a new file was opened", hasCode(syncIO))
	// A code action round trip flushes every pending change: by its answer
	// the node_modules file would have had its diagnostics.
	c.request("textDocument/codeAction", codeActionParams{TextDocument: textDocumentIdentifier{URI: fresh}})
	if ds, ok := c.diags[vendored]; ok {
		t.Errorf("a node_modules file was linted: %+v", ds)
	}
	// Closed without saving: it no longer exists, its findings go.
	c.notify("textDocument/didClose", didCloseParams{TextDocument: textDocumentIdentifier{URI: fresh}})
	c.waitDiags(fresh, "after the new file was closed unsaved", func(ds []diagnostic) bool { return len(ds) == 0 })
	c.shutdown()
}

func TestWalked(t *testing.T) {
	for _, tc := range []struct {
		path string
		want bool
	}{
		{"/ws/src/a.ts", true},
		{"/ws/a.ts", true},
		{"/ws/node_modules/x/a.ts", false},
		{"/ws/apps/api/dist/a.ts", false},
		{"/ws/.cache/a.ts", false},
		{"/elsewhere/a.ts", false},
	} {
		if got := walked("/ws", tc.path); got != tc.want {
			t.Errorf("walked(%s) = %v", tc.path, got)
		}
	}
}

// TestScheduleLeadingEdge: the first change after a quiet moment lints at
// once; changes in quick succession wait for the debounce after the last.
func TestScheduleLeadingEdge(t *testing.T) {
	t.Parallel()
	s := NewServer(Options{Debounce: int64(50 * time.Millisecond)}, strings.NewReader(""), io.Discard, io.Discard)
	clock := time.Unix(1_000_000, 0)
	s.now = func() time.Time { return clock }
	immediate := func() bool { return s.timerC == closedTimeChan }

	s.schedule()
	if !immediate() {
		t.Fatal("the first change after a quiet moment: want a lint at once")
	}
	clock = clock.Add(10 * time.Millisecond)
	s.schedule()
	if !immediate() {
		t.Fatal("a change before the due lint ran: want it to join that lint")
	}
	s.timerC = nil // the lint ran (flush)
	clock = clock.Add(10 * time.Millisecond)
	s.schedule()
	if s.timerC == nil || immediate() {
		t.Fatal("a change 10 ms after the last: want the debounce timer")
	}
	clock = clock.Add(10 * time.Millisecond)
	s.schedule()
	if immediate() {
		t.Fatal("typing on: want the debounce timer, not a lint at once")
	}
	s.timer.Stop()
	s.timerC = nil // the timer fired and the lint ran
	clock = clock.Add(time.Second)
	s.schedule()
	if !immediate() {
		t.Fatal("a change after a second without any: want a lint at once")
	}

	none := NewServer(Options{Debounce: -1}, strings.NewReader(""), io.Discard, io.Discard)
	none.schedule()
	none.timerC = nil
	none.schedule()
	if none.timerC != closedTimeChan {
		t.Fatal("without a debounce: want every change linted at once")
	}
}
