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

// writeTree writes files (slash paths relative to dir) and returns dir.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestDockerfileScriptInput: the parse stage finds, reads and parses the
// script a Dockerfile's main command runs, next to the Dockerfile or the
// one file of that name in its build context, and none for a command that
// runs no script, a shell-form command, or a script it cannot find.
func TestDockerfileScriptInput(t *testing.T) {
	const script = "#!/bin/sh\nset -e\nnpx prisma migrate deploy\nnpm run start:prod\n"
	for _, tc := range []struct {
		name       string
		dockerfile string
		files      map[string]string
		want       string // the script's path relative to the case, "" for none
	}{
		{"exec form beside", "FROM node:20\nCOPY start.sh .\nCMD [\"./start.sh\"]\n", map[string]string{"start.sh": script}, "start.sh"},
		{"sh runs it", "FROM node:20\nENTRYPOINT [\"/bin/sh\", \"-e\", \"docker/run.sh\"]\n", map[string]string{"docker/run.sh": script}, "docker/run.sh"},
		{"copied from a folder", "FROM node:20\nCOPY scripts/entrypoint.sh ./\nCMD [\"sh\", \"./entrypoint.sh\"]\n", map[string]string{"scripts/entrypoint.sh": script}, "scripts/entrypoint.sh"},
		{"inherited from the build stage", "FROM node:20 AS base\nCMD [\"./start.sh\"]\nFROM base\nUSER node\n", map[string]string{"start.sh": script}, "start.sh"},
		{"entrypoint wins over cmd", "FROM node:20\nENTRYPOINT [\"node\"]\nCMD [\"./start.sh\"]\n", map[string]string{"start.sh": script}, ""},
		{"node", "FROM node:20\nCMD [\"node\", \"dist/main.js\"]\n", map[string]string{"start.sh": script}, ""},
		{"shell form", "FROM node:20\nCMD ./start.sh\n", map[string]string{"start.sh": script}, ""},
		{"sh -c", "FROM node:20\nCMD [\"sh\", \"-c\", \"./start.sh\"]\n", map[string]string{"start.sh": script}, ""},
		{"not in the context", "FROM node:20\nCMD [\"./start.sh\"]\n", nil, ""},
		{"two of that name", "FROM node:20\nCMD [\"./run.sh\"]\n", map[string]string{"a/run.sh": script, "b/run.sh": script}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"Dockerfile": tc.dockerfile}
			for k, v := range tc.files {
				files[k] = v
			}
			dir := writeTree(t, files)
			r := &Result{Fset: token.NewFileSet()}
			r.ParseInputs([]string{filepath.Join(dir, "Dockerfile")})
			in := r.Inputs[0]
			if in.Err != nil {
				t.Fatalf("Dockerfile: %v", in.Err)
			}
			sc := in.Script
			if tc.want == "" {
				if sc != nil {
					t.Fatalf("script = %+v, want none", sc)
				}
				return
			}
			want := filepath.Join(dir, filepath.FromSlash(tc.want))
			if sc == nil || sc.Path != want || sc.Err != nil || sc.Tok == nil || sc.Tok.Name() != want || string(sc.Src) != script {
				t.Fatalf("script = %+v, want %s read", sc, want)
			}
			last := sc.Shell.LastTopLevel()
			if last < 0 || strings.Join(sc.Shell.Commands[last].Argv, " ") != "npm run start:prod" {
				t.Errorf("script not parsed: %+v", sc.Shell.Commands)
			}
		})
	}
}

// TestDockerfileScriptProblems: a script too large to read keeps why and
// has no token.File; two Dockerfiles running one script share it, read
// once; a second ParseInputs call reuses it.
func TestDockerfileScriptProblems(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"big/Dockerfile":  "FROM node:20\nCMD [\"./start.sh\"]\n",
		"big/start.sh":    "#!/bin/sh\n" + strings.Repeat("# padding\n", MaxScriptSize/10+1),
		"Dockerfile":      "FROM node:20\nCMD [\"sh\", \"ops/run.sh\"]\n",
		"Dockerfile.prod": "FROM node:20\nENTRYPOINT [\"ops/run.sh\"]\n",
		"ops/run.sh":      "#!/bin/sh\nexec node dist/main.js\n",
	})
	r := &Result{Fset: token.NewFileSet()}
	r.ParseInputs([]string{filepath.Join(dir, "big", "Dockerfile"), filepath.Join(dir, "Dockerfile"), filepath.Join(dir, "Dockerfile.prod")})
	big := r.Inputs[0].Script
	var tl *safeio.TooLargeError
	if big == nil || big.Tok != nil || !errors.As(big.Err, &tl) || big.Path != filepath.Join(dir, "big", "start.sh") {
		t.Errorf("oversized script = %+v, want a TooLargeError and no token.File", big)
	}
	a, b := r.Inputs[1].Script, r.Inputs[2].Script
	if a == nil || a != b || a.Err != nil {
		t.Fatalf("scripts = %+v, %+v, want one shared script", a, b)
	}
	files := 0
	r.Fset.Iterate(func(*token.File) bool { files++; return true })
	if files != 4 {
		t.Errorf("%d files in the FileSet, want 4 (three Dockerfiles, one readable script)", files)
	}
	dev := filepath.Join(dir, "Dockerfile.dev")
	if err := os.WriteFile(dev, []byte("FROM node:20\nCMD [\"./ops/run.sh\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r.ParseInputs([]string{dev})
	if len(r.Inputs) != 4 || r.Inputs[3].Script != a {
		t.Errorf("a second call did not reuse the script read: %d inputs, script %+v", len(r.Inputs), r.Inputs[3].Script)
	}
}

// TestCommandRun: the words a CMD or ENTRYPOINT runs and whether a shell
// runs them.
func TestCommandRun(t *testing.T) {
	for _, tc := range []struct {
		cmd   Command
		argv  string
		shell bool
	}{
		{Command{Exec: true, Argv: []string{"node", "dist/main.js"}}, "node dist/main.js", false},
		{Command{Argv: []string{"npm", "start"}}, "npm start", true},
		{Command{Argv: []string{"exec", "node", "dist/main.js"}}, "node dist/main.js", false},
		{Command{Exec: true, Argv: []string{"/bin/sh", "-c", "npm run start:prod"}}, "npm run start:prod", true},
		{Command{Exec: true, Argv: []string{"bash", "-c", "exec node dist/main.js"}}, "node dist/main.js", false},
		{Command{Exec: true, Argv: []string{"sh", "./start.sh"}}, "sh ./start.sh", false},
		{Command{Exec: true}, "", false},
	} {
		argv, shell := tc.cmd.Run()
		if strings.Join(argv, " ") != tc.argv || shell != tc.shell {
			t.Errorf("%+v: Run() = %q, %v; want %q, %v", tc.cmd, argv, shell, tc.argv, tc.shell)
		}
	}
}
