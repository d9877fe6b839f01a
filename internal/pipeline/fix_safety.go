package pipeline

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/report"
)

// fixRefusal returns why --fix must leave the file at abs (holding src)
// alone, or "":
//
//   - it lies outside the repository (or, outside one, outside the
//     requested folders): --fix never writes there, whatever symlink led
//     to it;
//   - it is read-only: its owner asked for it not to change;
//   - it has more than one hard link: the rename would split them;
//   - it breaks lines with a lone CR: inserted lines could not match.
func (c *collector) fixRefusal(abs string, src []byte) string {
	inside := false
	for _, p := range c.req {
		if parser.Within(parser.Boundary(dirOf(p)), abs) {
			inside = true
		}
	}
	if !inside {
		return "outside the repository"
	}
	info, err := os.Lstat(abs)
	if err != nil {
		return errText(err)
	}
	if !info.Mode().IsRegular() {
		return "not a regular file"
	}
	if info.Mode().Perm()&0o222 == 0 {
		return "the file is read-only"
	}
	if links(info) > 1 {
		return "the file has other hard links, which a rewrite would split"
	}
	if hasLoneCR(src) {
		return "the file ends lines with a lone CR"
	}
	return ""
}

// hasLoneCR reports whether src holds a CR that is not followed by LF.
func hasLoneCR(src []byte) bool {
	for i := bytes.IndexByte(src, '\r'); i >= 0; {
		if i+1 >= len(src) || src[i+1] != '\n' {
			return true
		}
		j := bytes.IndexByte(src[i+1:], '\r')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// matchLineEndings returns edits whose inserted text ends lines like src:
// with CRLF when most of src's lines end so, else unchanged.
func matchLineEndings(src []byte, edits []report.Edit) []report.Edit {
	crlf := bytes.Count(src, []byte("\r\n"))
	if crlf == 0 || crlf*2 < bytes.Count(src, []byte("\n")) {
		return edits
	}
	out := make([]report.Edit, len(edits))
	for i, e := range edits {
		e.NewText = strings.ReplaceAll(strings.ReplaceAll(e.NewText, "\r\n", "\n"), "\n", "\r\n")
		out[i] = e
	}
	return out
}

// fixable returns r's diagnostics without the fixes that would touch a
// file --fix must leave alone (fixRefusal), saying once per file why: a
// fix is applied whole or not at all.
func (c *collector) fixable(r *report.Run, stderr io.Writer) []report.Diagnostic {
	refused := map[string]bool{}
	checked := map[string]bool{}
	check := func(name string) bool {
		if !checked[name] {
			checked[name] = true
			src, _ := r.Source(name)
			if abs := c.paths[name]; abs != "" {
				if why := c.fixRefusal(abs, src); why != "" {
					refused[name] = true
					fmt.Fprintf(stderr, "nestlint: %s: not fixed: %s\n", report.EscapeControls(name), why)
				}
			}
		}
		return refused[name]
	}
	out := make([]report.Diagnostic, 0, len(r.Diagnostics))
	for _, d := range r.Diagnostics {
		if len(d.Fixes) > 0 && !d.Suppressed && d.BaselineState != "unchanged" {
			bad := false
			for _, e := range d.Fixes[0].Edits {
				bad = check(e.File) || bad
			}
			if bad {
				d.Fixes = nil
			}
		}
		out = append(out, d)
	}
	return out
}
