package parser

import (
	"go/token"
	"path/filepath"
	"strings"

	"github.com/nestlint/nestlint/internal/fsrec"
)

// MaxScriptSize bounds the shell scripts the parse stage reads behind a
// Dockerfile (entrypoints are short).
const MaxScriptSize = 256 << 10

// Script is the shell script a Dockerfile's main command runs
// (`CMD ["./start.sh"]`, `ENTRYPOINT ["sh", "scripts/run.sh"]`), found in
// the Dockerfile's build context and read and parsed by the parse stage, so
// that rules never read it and a stored result is checked against it.
type Script struct {
	Path string // absolute
	Src  []byte
	// Tok is the script's file in Result.Fset (nil when it could not be
	// read).
	Tok   *token.File
	Shell *Shell
	// Err is why the script could not be read (Tok is nil) or parsed.
	Err error
}

// Main returns the ENTRYPOINT and CMD the image runs (either may be nil):
// those of the last stage, or, for one it does not set, of the earlier
// stage the last is built FROM (`FROM build AS run` inherits them), and so
// on up the chain.
func (df *Dockerfile) Main() (entry, cmd *Command) {
	for k := len(df.Stages) - 1; k >= 0; {
		st := &df.Stages[k]
		for i := range st.Commands {
			c := &st.Commands[i]
			if c.Instruction == "ENTRYPOINT" && entry == nil {
				entry = c
			} else if c.Instruction == "CMD" && cmd == nil {
				cmd = c
			}
		}
		if entry != nil && cmd != nil {
			break
		}
		next := -1
		for j := k - 1; j >= 0; j-- {
			if df.Stages[j].Alias != "" && strings.EqualFold(df.Stages[j].Alias, strings.TrimSpace(st.Image)) {
				next = j
				break
			}
		}
		k = next
	}
	return entry, cmd
}

// Run returns the words the command runs and whether a shell runs them:
// the shell form, or the exec form `["sh", "-c", "..."]` (its command
// split on blanks). A shell command starting with `exec` replaces the
// shell: exec is dropped and shell is false.
func (c *Command) Run() (argv []string, shell bool) {
	argv, shell = c.Argv, !c.Exec
	if c.Exec && len(argv) >= 2 && argv[1] == "-c" && isShell(argv[0]) && filepath.Base(strings.TrimSpace(argv[0])) != "dash" {
		shell = true
		argv = strings.Fields(strings.Join(argv[2:], " "))
	}
	if shell && len(argv) > 0 && argv[0] == "exec" {
		argv, shell = argv[1:], false
	}
	return argv, shell
}

// isShell reports whether a program (a path or a name) is a POSIX shell.
func isShell(prog string) bool {
	switch filepath.Base(strings.TrimSpace(prog)) {
	case "sh", "bash", "ash", "dash":
		return true
	}
	return false
}

// ScriptArg returns the shell script an exec-form command runs:
// ["sh", "./entrypoint.sh"], ["/bin/bash", "scripts/start.sh"] or
// ["./entrypoint.sh"]; "" for anything else (`sh -c "..."`).
func ScriptArg(argv []string) string {
	if len(argv) == 0 {
		return ""
	}
	if isShell(argv[0]) {
		for _, a := range argv[1:] {
			if strings.HasPrefix(a, "-") {
				if a == "-c" {
					return ""
				}
				continue // sh -e ./entrypoint.sh
			}
			return a
		}
		return ""
	}
	if strings.HasSuffix(argv[0], ".sh") {
		return argv[0]
	}
	return ""
}

// scriptOf finds, reads and parses the script the Dockerfile at path runs
// as its main process, or returns nil when it runs none (or the script is
// not in the build context). Scripts already read (known) are shared.
func (r *Result) scriptOf(path string, df *Dockerfile, known map[string]*Script) *Script {
	entry, cmd := df.Main()
	main := cmd
	if entry != nil {
		main = entry
	}
	if main == nil {
		return nil
	}
	argv, shell := main.Run()
	if shell {
		return nil
	}
	arg := ScriptArg(argv)
	if arg == "" {
		return nil
	}
	p := findScript(path, arg)
	if p == "" {
		return nil
	}
	if s := known[p]; s != nil {
		return s
	}
	s := &Script{Path: p}
	known[p] = s
	src, err := fsrec.SafeRead(p, MaxScriptSize) // recorded: a stored result is checked against it
	if err != nil {
		s.Err = err
		return s
	}
	s.Src = src
	s.Tok = r.Fset.AddFile(p, -1, len(src))
	s.Tok.SetLinesForContent(src)
	s.Shell, s.Err = ParseShell(src)
	return s
}

// findScript locates the script of the image in the repository: the path
// as written relative to the Dockerfile's folder (the build context), or
// else the one file of that name under it (COPY scripts/entrypoint.sh ./).
func findScript(dockerfile, script string) string {
	dir := filepath.Dir(dockerfile)
	rel := strings.TrimPrefix(filepath.ToSlash(script), "./")
	if !filepath.IsAbs(script) {
		if p := filepath.Join(dir, filepath.FromSlash(rel)); regular(p) {
			return p
		}
	}
	name := filepath.Base(rel)
	var found []string
	var walk func(d string, depth int)
	walk = func(d string, depth int) {
		if depth > 4 || len(found) > 1 {
			return
		}
		ents, err := fsrec.ReadDir(d)
		if err != nil {
			return
		}
		for _, e := range ents {
			n := e.Name()
			if e.IsDir() {
				if n == "node_modules" || n == "dist" || strings.HasPrefix(n, ".") {
					continue
				}
				walk(filepath.Join(d, n), depth+1)
			} else if n == name && e.Type().IsRegular() {
				found = append(found, filepath.Join(d, n))
			}
		}
	}
	walk(dir, 0)
	if len(found) == 1 {
		return found[0]
	}
	return ""
}

func regular(p string) bool {
	st, err := fsrec.Stat(p)
	return err == nil && st.Mode().IsRegular()
}
