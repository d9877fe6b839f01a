package parser

import (
	"errors"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/internal/safeio"
)

// TestParseInputs: the parse stage reads and parses Dockerfiles and PM2
// files once each, gives them a token.File, and keeps why one could not be
// read or parsed.
func TestParseInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	docker := write("Dockerfile", "FROM node:20\nCMD [\"node\", \"dist/main.js\"]\n")
	pm2 := write("ecosystem.config.js", "module.exports = { apps: [{ name: 'api', exec_mode: 'cluster' }] };\n")
	broken := write("ecosystem.config.cjs", "module.exports = { apps: [{ name: 'w', exec_mode: 'cluster' }] };\nconst = ;\n")
	big := write("Dockerfile.big", strings.Repeat("#", safeio.MaxConfigSize+1))
	gone := filepath.Join(dir, "Dockerfile.gone")

	r := &Result{Fset: token.NewFileSet()}
	r.ParseInputs([]string{docker, pm2, docker, broken, big, gone})
	if len(r.Inputs) != 5 {
		t.Fatalf("got %d inputs, want 5 (the repeated Dockerfile once)", len(r.Inputs))
	}
	in := r.Inputs[0]
	if in.Path != docker || in.Ecosystem || in.Err != nil || in.Dockerfile == nil || len(in.Dockerfile.Stages) != 1 || in.Tok == nil || in.Tok.Name() != docker {
		t.Errorf("Dockerfile input = %+v", in)
	}
	in = r.Inputs[1]
	if !in.Ecosystem || in.Err != nil || len(in.Apps) != 1 || in.Apps[0].Props["name"] != "api" {
		t.Errorf("PM2 input = %+v", in)
	}
	in = r.Inputs[2]
	if !errors.Is(in.Err, ErrEcosystemSyntax) || len(in.Apps) != 1 || in.Tok == nil {
		t.Errorf("broken PM2 input = %+v, want the app read and ErrEcosystemSyntax", in)
	}
	in = r.Inputs[3]
	var tl *safeio.TooLargeError
	if !errors.As(in.Err, &tl) || in.Tok != nil || in.Vanished() {
		t.Errorf("too large input = %+v", in)
	}
	if in = r.Inputs[4]; !in.Vanished() || in.Tok != nil {
		t.Errorf("missing input = %+v", in)
	}
	// A second call adds nothing already read.
	r.ParseInputs([]string{docker})
	if len(r.Inputs) != 5 {
		t.Errorf("inputs read twice: %d", len(r.Inputs))
	}
}

// TestUpwardDockerfiles: Dockerfiles next to a package.json above the
// program root, up to the repository root; none outside a repository.
func TestUpwardDockerfiles(t *testing.T) {
	repo := t.TempDir()
	for _, d := range []string{".git", "apps/api", "apps/web"} {
		if err := os.MkdirAll(filepath.Join(repo, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"package.json", "Dockerfile", "apps/Dockerfile"} { // apps/ has no package.json
		if err := os.WriteFile(filepath.Join(repo, f), []byte("x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := UpwardDockerfiles(filepath.Join(repo, "apps", "api"))
	if len(got) != 1 || got[0] != filepath.Join(repo, "Dockerfile") {
		t.Errorf("UpwardDockerfiles = %v", got)
	}
	if got := UpwardDockerfiles(""); got != nil {
		t.Errorf("UpwardDockerfiles(\"\") = %v", got)
	}
}
