package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/nestlint/nestlint/internal/safeio"
	"github.com/nestlint/nestlint/internal/workspace"
	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/report"
	"github.com/nestlint/nestlint/rules/lint"
)

// errText is err without the path an *os.PathError repeats.
func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// mayWalk reports whether the project folder root may be walked for the
// rest of a project: it lies under a requested folder or under the
// repository root of a request, or it holds a project marker (or declares
// a workspace) and a requested file or folder lies under it. A walk never starts elsewhere (say /etc,
// or / with /proc and /sys, the folder of a file reached through a
// symlink).
func (c *collector) mayWalk(root string) bool {
	for _, p := range c.req {
		if isDir(p) && parser.Within(p, root) {
			return true
		}
		b := parser.Boundary(dirOf(p))
		if exists(filepath.Join(b, ".git")) && parser.Within(b, root) {
			return true
		}
		// the program a requested file or folder belongs to: a folder
		// with a project marker or a workspace declaration above it
		if parser.Within(root, p) && (HasMarker(root) || workspace.IsWorkspaceRoot(root)) {
			return true
		}
	}
	return false
}

// discoverPrograms discovers, in one walk, the files of the program
// folders at roots that may be walked; the folders in skip were walked
// already.
func (c *collector) discoverPrograms(roots, skip []string) (*parser.Discovery, error) {
	var ok []string
	for _, r := range roots {
		if c.mayWalk(r) {
			ok = append(ok, r)
		}
	}
	if len(ok) == 0 {
		return nil, errNotWalked
	}
	return discoverAll(ok, skip)
}

// checkInputs fails the run (exit 2) when a TypeScript file named on the
// command line was not linted (unreadable, too large, binary, not a
// regular file, or a symlink out of the repository), or when a folder named
// on the command line holds TypeScript files and none could be linted. A
// run that lints nothing of what it was asked must not look like a clean
// one.
func (c *collector) checkInputs(o *options, disc *parser.Discovery, stderr io.Writer) (code int, ok bool) {
	bad := 0
	for i, p := range c.req {
		if i >= len(o.Paths) {
			continue
		}
		if isDir(p) {
			if why := c.folderUnlinted(p, disc); why != "" {
				fmt.Fprintf(stderr, "nestlint: %s: cannot lint %s\n", o.Paths[i], why)
				bad++
			}
			continue
		}
		arg := o.Paths[i]
		abs, err := filepath.Abs(arg)
		if err != nil || !parser.IsSource(abs) && !parser.IsSource(p) {
			continue
		}
		name := c.names.name(p)
		if _, linted := c.srcs[name]; linted {
			continue
		}
		reason := "not linted"
		for _, n := range c.notices {
			if n.File == name || n.File == c.names.name(abs) {
				reason = n.Message
				break
			}
		}
		fmt.Fprintf(stderr, "nestlint: %s: cannot lint: %s\n", arg, reason)
		bad++
	}
	if bad > 0 {
		return exitUsage, false
	}
	return exitOK, true
}

// addNotices turns the notices rules recorded into report notices.
func (c *collector) addNotices(ns []lint.Notice) {
	for _, n := range ns {
		rn := report.Notice{Level: n.Level, Message: n.Message, Start: -1}
		if n.File != "" {
			rn.File = c.names.name(n.File)
		}
		c.notices = append(c.notices, rn)
	}
}

// inScope reports whether the output name file is at or under a requested
// path: a baseline entry of another file was not looked for by this run.
func (c *collector) inScope(file string) bool {
	for _, p := range c.req {
		n := c.names.name(p)
		if n == "." || file == n || strings.HasPrefix(file, n+"/") {
			return true
		}
	}
	return false
}

// previousBaseline reads the baseline --write-baseline replaces, or nil
// when there is none (or it is not a valid baseline).
func (c *collector) previousBaseline(path string) *report.Baseline {
	data, err := safeio.ReadFile(path, safeio.MaxBaselineSize)
	if err != nil {
		return nil
	}
	b, err := report.ReadBaseline(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	return b
}

// folderUnlinted returns why no TypeScript file found under the requested
// folder dir was linted, or "" when one was (or there were none).
func (c *collector) folderUnlinted(dir string, disc *parser.Discovery) string {
	var found []string
	for _, f := range disc.Files {
		if parser.Within(dir, f) {
			found = append(found, f)
		}
	}
	if len(found) == 0 {
		return ""
	}
	for _, f := range found {
		if _, linted := c.srcs[c.names.name(f)]; linted {
			return ""
		}
	}
	reason := "see the notices"
	for _, n := range c.notices {
		if n.File == c.names.name(found[0]) {
			reason = n.File + ": " + n.Message
			break
		}
	}
	what := "its TypeScript file"
	if len(found) > 1 {
		what = fmt.Sprintf("any of its %d TypeScript files", len(found))
	}
	return what + " (" + reason + ")"
}

// programNotice is the warning for a program whose other files could not
// be listed: only the requested files were linted, so findings that need
// the rest of the program (cross-file rules) may be missing.
func programNotice(root string, err error) report.Notice {
	// Discover's errors start with the absolute path the notice names.
	msg := err.Error()
	if i := strings.Index(msg, ": "); i >= 0 && filepath.IsAbs(msg[:i]) {
		msg = msg[i+2:]
	}
	return report.Notice{Level: lint.Warning, File: root, Start: -1,
		Message: "cannot list the rest of the program: " + msg + "; only the requested files were linted, cross-file findings may be missing"}
}

// errNotWalked is discoverProject's answer for a program root outside the
// requested paths and the repository: by policy only the requested files
// of such a program are linted, which is not a failure to report.
var errNotWalked = errors.New("outside the requested paths and the repository")
