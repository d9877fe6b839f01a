package pipeline

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/lint"
)

// TestProgramDiscoverError: when the rest of a program cannot be listed,
// the error is kept on the program (it was dropped) and becomes a warning
// naming the program root, without the absolute path; the policy refusal
// to walk a root outside the request and the repository is not an error.
func TestProgramDiscoverError(t *testing.T) {
	dir, err := resolve(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{
		"package.json":      `{"name":"api"}`,
		"src/main.ts":       "export const a = 1;\n",
		"src/app.module.ts": "export const b = 2;\n",
	})
	file := filepath.Join(dir, "src", "main.ts")
	disc, err := parser.Discover([]string{file})
	if err != nil {
		t.Fatal(err)
	}
	req := request{file}
	for _, tc := range []struct {
		name    string
		err     error
		wantErr bool
	}{
		{"discover fails", fmt.Errorf("%s: %w", dir, errors.New("permission denied")), true},
		{"not walked by policy", errNotWalked, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := programs(req, disc, func([]string, []string) (*parser.Discovery, error) { return nil, tc.err }, false)
			if len(ps) != 1 {
				t.Fatalf("programs = %+v, want one", ps)
			}
			p := ps[0]
			if len(p.files) != 1 || p.files[0] != file {
				t.Errorf("files = %v, want the requested file only", p.files)
			}
			if (p.err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error: %v", p.err, tc.wantErr)
			}
			if !tc.wantErr {
				return
			}
			n := programNotice("apps/api", p.err)
			if n.Level != lint.Warning || n.File != "apps/api" || strings.Contains(n.Message, dir) ||
				!strings.HasPrefix(n.Message, "cannot list the rest of the program: permission denied;") {
				t.Errorf("notice = %+v", n)
			}
		})
	}
	// With the whole program listed, the other file joins and no error is kept.
	ps := programs(req, disc, discoverAll, false)
	if len(ps) != 1 || len(ps[0].files) != 2 || ps[0].err != nil {
		t.Errorf("programs = %+v, want both files and no error", ps)
	}
}
