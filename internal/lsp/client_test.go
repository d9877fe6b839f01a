package lsp

import (
	"context"
	"encoding/json"

	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/nestlint/nestlint/rules"
)

// testClient is an LSP client talking to an in-process server over pipes,
// with real framed JSON-RPC messages.
type testClient struct {
	t      testing.TB
	w      *writer
	toSrv  *io.PipeWriter
	msgs   chan *message
	done   chan error
	nextID int
	// diags is the latest publishDiagnostics of each URI.
	diags map[string][]diagnostic
	// requests are the requests the server sent to the client.
	requests []*message
	logs     []string
	// wait bounds each wait for the server (20 s unless set).
	wait time.Duration
}

// copyFixture copies testdata/<name> into a temporary folder.
func copyFixture(t testing.TB, name string) string {
	t.Helper()
	dst := t.TempDir()
	src := filepath.Join("testdata", name)
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	r, err := filepath.EvalSymlinks(dst)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func testOptions(t testing.TB) Options {
	return Options{Rules: rules.All(), NoCache: true, Jobs: 2, Debounce: int64(5 * time.Millisecond), CacheVersion: "test"}
}

func startClient(t testing.TB, opts Options) *testClient {
	t.Helper()
	cr, sw := io.Pipe() // server -> client
	sr, cw := io.Pipe() // client -> server
	s := NewServer(opts, sr, sw, testLog{t})
	c := &testClient{t: t, w: &writer{w: cw}, toSrv: cw, msgs: make(chan *message, 1000), done: make(chan error, 1), diags: map[string][]diagnostic{}}
	go func() {
		err := s.Run(context.Background())
		sw.Close()
		c.done <- err
	}()
	go func() {
		rd := newReader(cr)
		for {
			body, err := rd.read()
			if err != nil {
				close(c.msgs)
				return
			}
			var m message
			if err := json.Unmarshal(body, &m); err != nil {
				t.Errorf("server sent invalid JSON: %q", body)
				continue
			}
			c.msgs <- &m
		}
	}()
	t.Cleanup(func() { cw.Close() })
	return c
}

func (c *testClient) send(m *message) {
	c.t.Helper()
	if err := c.w.write(m); err != nil {
		c.t.Fatal(err)
	}
}

func (c *testClient) notify(method string, params any) {
	c.t.Helper()
	raw, _ := json.Marshal(params)
	c.send(&message{Method: method, Params: raw})
}

// next returns the next message from the server, recording notifications.
func (c *testClient) next(timeout time.Duration) *message {
	c.t.Helper()
	select {
	case m, ok := <-c.msgs:
		if !ok {
			c.t.Fatal("the server closed its output")
		}
		switch {
		case m.Method == "textDocument/publishDiagnostics":
			var p publishDiagnosticsParams
			if err := json.Unmarshal(m.Params, &p); err != nil {
				c.t.Fatal(err)
			}
			if p.Diagnostics == nil {
				c.t.Errorf("publishDiagnostics for %s has diagnostics null, not []", p.URI)
			}
			c.diags[p.URI] = p.Diagnostics
		case m.Method == "window/logMessage" || m.Method == "window/showMessage":
			var p showMessageParams
			json.Unmarshal(m.Params, &p)
			c.logs = append(c.logs, p.Message)
		case m.Method != "" && len(m.ID) > 0:
			c.requests = append(c.requests, m)
			c.send(&message{ID: m.ID, Result: json.RawMessage("null")})
		}
		return m
	case <-time.After(timeout):
		c.t.Fatal("timed out waiting for the server")
	}
	return nil
}

// request sends a request and returns its response.
func (c *testClient) request(method string, params any) *message {
	c.t.Helper()
	c.nextID++
	id, _ := json.Marshal(c.nextID)
	raw, _ := json.Marshal(params)
	c.send(&message{ID: id, Method: method, Params: raw})
	for {
		m := c.next(20 * time.Second)
		if m.Method == "" && string(m.ID) == string(id) {
			return m
		}
	}
}

// waitDiags reads messages until the diagnostics of uri satisfy ok.
func (c *testClient) waitDiags(uri string, what string, ok func([]diagnostic) bool) []diagnostic {
	c.t.Helper()
	wait := c.wait
	if wait == 0 {
		wait = 20 * time.Second
	}
	deadline := time.Now().Add(wait)
	for {
		if ds, seen := c.diags[uri]; seen && ok(ds) {
			return ds
		}
		left := time.Until(deadline)
		if left <= 0 {
			c.t.Fatalf("%s: diagnostics of %s are %+v", what, uri, c.diags[uri])
		}
		c.next(left)
	}
}

func (c *testClient) initialize(root string) *message {
	c.t.Helper()
	params := map[string]any{
		"processId":        nil,
		"rootUri":          pathToURI(root),
		"workspaceFolders": []map[string]string{{"uri": pathToURI(root), "name": filepath.Base(root)}},
		"capabilities": map[string]any{
			"window":    map[string]any{"showDocument": map[string]any{"support": true}},
			"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}},
		},
	}
	resp := c.request("initialize", params)
	if resp.Error != nil {
		c.t.Fatalf("initialize: %v", resp.Error)
	}
	c.notify("initialized", map[string]any{})
	return resp
}

// shutdown ends the session properly and checks that the server stopped.
func (c *testClient) shutdown() {
	c.t.Helper()
	resp := c.request("shutdown", nil)
	if resp.Error != nil || string(resp.Result) != "null" {
		c.t.Fatalf("shutdown: %s %v", resp.Result, resp.Error)
	}
	c.notify("exit", nil)
	select {
	case err := <-c.done:
		if err != nil {
			c.t.Fatalf("Run after shutdown and exit: %v", err)
		}
	case <-time.After(10 * time.Second):
		c.t.Fatal("the server did not exit")
	}
}

func hasCode(code string) func([]diagnostic) bool {
	return func(ds []diagnostic) bool {
		for _, d := range ds {
			if d.Code == code {
				return true
			}
		}
		return false
	}
}

func withoutCode(code string) func([]diagnostic) bool {
	return func(ds []diagnostic) bool { return !hasCode(code)(ds) }
}

func find(ds []diagnostic, code string) *diagnostic {
	for i := range ds {
		if ds[i].Code == code {
			return &ds[i]
		}
	}
	return nil
}

func readText(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

type testLog struct{ t testing.TB }

func (l testLog) Write(b []byte) (int, error) { l.t.Log(string(b)); return len(b), nil }
