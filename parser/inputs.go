package parser

import (
	"errors"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/nestlint/nestlint/internal/fsrec"
	"github.com/nestlint/nestlint/internal/safeio"
)

// Input is a non-TypeScript input the parse stage read and parsed: a
// Dockerfile or a PM2 ecosystem file. Rules read it from Result.Inputs and
// never read or parse it themselves.
type Input struct {
	Path string // absolute
	Src  []byte
	// Tok is the input's file in Result.Fset, for the positions of
	// findings (nil when the input could not be read).
	Tok *token.File
	// Ecosystem is true for a PM2 ecosystem file, false for a Dockerfile.
	Ecosystem  bool
	Dockerfile *Dockerfile // a Dockerfile's stages
	// Script is the shell script the Dockerfile's main command runs, nil
	// when it runs none or the script is not in its build context.
	Script *Script
	Apps   []PM2App // a PM2 file's apps
	// Err is why the input could not be read (fs.ErrNotExist for one
	// that vanished) or parsed. A PM2 file with a syntax error has Err
	// ErrEcosystemSyntax and the Apps that could be read.
	Err error
}

// IsEcosystemFile reports whether a file name is a PM2 ecosystem file.
func IsEcosystemFile(name string) bool {
	return strings.HasPrefix(strings.ToLower(filepath.Base(name)), "ecosystem.config.")
}

// ParseInputs reads and parses the non-TypeScript inputs at paths (each
// once, in order) into r.Inputs, adding each to r.Fset, with the shell
// script each Dockerfile's CMD or ENTRYPOINT runs (Input.Script; a script
// run by several Dockerfiles is read once).
func (r *Result) ParseInputs(paths []string) {
	seen := map[string]bool{}
	scripts := map[string]*Script{}
	for _, in := range r.Inputs {
		seen[in.Path] = true
		if in.Script != nil {
			scripts[in.Script.Path] = in.Script
		}
	}
	for _, p := range paths {
		if seen[p] {
			continue
		}
		seen[p] = true
		in := &Input{Path: p, Ecosystem: IsEcosystemFile(p)}
		r.Inputs = append(r.Inputs, in)
		src, err := fsrec.SafeRead(p, safeio.MaxConfigSize) // recorded: a stored result is checked against it
		if err != nil {
			in.Err = err
			continue
		}
		in.Src = src
		in.Tok = r.Fset.AddFile(p, -1, len(src))
		in.Tok.SetLinesForContent(src)
		if in.Ecosystem {
			in.Apps, in.Err = ParseEcosystem(src)
		} else {
			in.Dockerfile, in.Err = ParseDockerfile(src)
			if in.Err == nil {
				in.Script = r.scriptOf(p, in.Dockerfile, scripts)
			}
		}
	}
}

// UpwardDockerfiles returns the Dockerfiles next to a package.json in the
// folders above root, up to the repository root (the first folder with
// .git): the image of a workspace package is often built from the
// workspace root. Outside a repository it returns nothing.
func UpwardDockerfiles(root string) []string {
	if root == "" {
		return nil
	}
	var found []string
	for d := filepath.Dir(filepath.Clean(root)); ; d = filepath.Dir(d) {
		if _, err := fsrec.Stat(filepath.Join(d, "package.json")); err == nil {
			if _, err := fsrec.Stat(filepath.Join(d, "Dockerfile")); err == nil {
				found = append(found, filepath.Join(d, "Dockerfile"))
			}
		}
		if _, err := fsrec.Stat(filepath.Join(d, ".git")); err == nil {
			return found
		}
		if filepath.Dir(d) == d {
			return nil
		}
	}
}

// Vanished reports whether an input's error says it no longer exists.
func (in *Input) Vanished() bool { return errors.Is(in.Err, fs.ErrNotExist) }
