package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// frame writes LSP messages with their Content-Length headers.
func frame(bodies ...string) string {
	var b strings.Builder
	for _, body := range bodies {
		fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n%s", len(body), body)
	}
	return b.String()
}

// TestLSPSubcommand runs `nestlint lsp` over a scripted stdin: the server
// answers initialize, publishes the fixture's findings, and exits 0 after
// shutdown and exit (1 without shutdown, as LSP asks).
func TestLSPSubcommand(t *testing.T) {
	root, err := filepath.Abs("../../internal/lsp/testdata/shop")
	if err != nil {
		t.Fatal(err)
	}
	uri := "file://" + filepath.ToSlash(root)
	initialize := `{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":"` + uri + `","capabilities":{}}}`
	initialized := `{"jsonrpc":"2.0","method":"initialized","params":{}}`
	shutdown := `{"jsonrpc":"2.0","id":2,"method":"shutdown"}`
	exit := `{"jsonrpc":"2.0","method":"exit"}`
	old := lspStdin
	defer func() { lspStdin = old }()

	lspStdin = strings.NewReader(frame(initialize, initialized, shutdown, exit))
	r := runCLI(t, "lsp", "--no-cache")
	if r.code != exitOK {
		t.Fatalf("exit code %d; stderr:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{`"id":1,"result":{"capabilities"`, `"textDocumentSync"`,
		`"method":"textDocument/publishDiagnostics"`, `"code":"event-loop/sync-io"`, `"id":2,"result":null`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %s:\n%s", want, r.stdout)
		}
	}

	lspStdin = strings.NewReader(frame(initialize, exit))
	if r := runCLI(t, "lsp", "--no-cache"); r.code != 1 {
		t.Errorf("exit without shutdown: code %d", r.code)
	}
	if r := runCLI(t, "lsp", "--scope", "nope"); r.code != exitUsage {
		t.Errorf("bad scope: code %d", r.code)
	}
	if r := runCLI(t, "lsp", "extra"); r.code != exitUsage {
		t.Errorf("argument: code %d", r.code)
	}
}
