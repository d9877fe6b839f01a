package main

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestGraphModuleAndDepthFlags(t *testing.T) {
	shop := filepath.Join("..", "..", "testdata", "apps", "shop")
	r := runCLI(t, "graph", "--module", "PdfModule", "--format", "dot", shop)
	if r.code != exitOK {
		t.Fatalf("%s", r)
	}
	// PdfModule, OrdersModule (imports it), nothing else of the project
	for _, want := range []string{`subgraph "cluster_PdfModule"`, `subgraph "cluster_OrdersModule"`, `"OrdersModule" -> "PdfModule" [style=bold`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("want %s in\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "cluster_UsersModule") || strings.Contains(r.stdout, "cluster_AppModule") {
		t.Errorf("modules two steps away are kept:\n%s", r.stdout)
	}
	r = runCLI(t, "graph", "--module", "PdfModule", "--depth", "2", shop)
	if r.code != exitOK || !strings.Contains(r.stdout, "\n  AppModule ") {
		t.Errorf("depth 2 reaches AppModule:\n%s", r)
	}
	r = runCLI(t, "graph", "--depth", "0", shop)
	if r.code != exitOK || !strings.Contains(r.stdout, "\n  AppModule ") || strings.Contains(r.stdout, "\n  UsersModule ") {
		t.Errorf("depth 0 is the root module:\n%s", r)
	}
	r = runCLI(t, "graph", "--module", "NopeModule", shop)
	if r.code != exitUsage || !strings.Contains(r.stderr, `no module named "NopeModule" (modules: AppModule, AuthModule`) {
		t.Errorf("unknown module: %s", r)
	}
}
