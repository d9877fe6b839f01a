package lsp

import (
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"unicode/utf8"

	"github.com/nestlint/nestlint/report"
)

// uriToPath turns a file:// URI into a clean absolute path.
func uriToPath(uri string) (string, error) {
	u, err := url.Parse(uri)
	if err != nil {
		return "", err
	}
	if u.Scheme != "file" {
		return "", fmt.Errorf("not a file URI: %q", uri)
	}
	p := u.Path
	if runtime.GOOS == "windows" {
		p = strings.TrimPrefix(p, "/")
	}
	if p == "" {
		return "", fmt.Errorf("empty path in %q", uri)
	}
	return cleanAbs(filepath.FromSlash(p)), nil
}

func cleanAbs(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if r, err := filepath.EvalSymlinks(p); err == nil {
		p = r
	}
	return filepath.Clean(p)
}

// pathToURI turns an absolute path into a file:// URI.
func pathToURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// offsetOf converts an LSP position (0-based line, UTF-16 character) into
// a byte offset of src, clamped to the line and the text.
func offsetOf(src []byte, pos position) int {
	if pos.Line < 0 {
		return 0
	}
	off := 0
	for line := 0; line < pos.Line; line++ {
		i := off
		for i < len(src) && src[i] != '\n' && src[i] != '\r' {
			i++
		}
		if i >= len(src) {
			return len(src)
		}
		if src[i] == '\r' && i+1 < len(src) && src[i+1] == '\n' {
			i++
		}
		off = i + 1
	}
	units := 0
	for off < len(src) && units < pos.Character {
		c := src[off]
		if c == '\n' || c == '\r' {
			break
		}
		if c < utf8.RuneSelf {
			units++
			off++
			continue
		}
		r, size := utf8.DecodeRune(src[off:])
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
		off += size
	}
	return off
}

// applyChange applies one content change of didChange: a whole-text
// replacement without a range, else the replacement of the range.
func applyChange(text []byte, c contentChange) []byte {
	if c.Range == nil {
		return []byte(c.Text)
	}
	start := offsetOf(text, c.Range.Start)
	end := max(offsetOf(text, c.Range.End), start)
	out := make([]byte, 0, len(text)-(end-start)+len(c.Text))
	out = append(out, text[:start]...)
	out = append(out, c.Text...)
	return append(out, text[end:]...)
}

// lineCache indexes the lines of the files one conversion touches.
type lineCache struct {
	source func(string) ([]byte, bool)
	lines  map[string]*report.Lines
}

func newLineCache(source func(string) ([]byte, bool)) *lineCache {
	return &lineCache{source: source, lines: map[string]*report.Lines{}}
}

func (c *lineCache) of(file string) *report.Lines {
	l, ok := c.lines[file]
	if !ok {
		src, _ := c.source(file)
		l = report.NewLines(src)
		c.lines[file] = l
	}
	return l
}

// pos converts a byte offset into an LSP position.
func (c *lineCache) pos(file string, off int) position {
	line, _, col := c.of(file).Position(off)
	return position{Line: line - 1, Character: col - 1}
}

func (c *lineCache) rangeOf(file string, start, end int) lspRange {
	return lspRange{Start: c.pos(file, start), End: c.pos(file, max(end, start))}
}
