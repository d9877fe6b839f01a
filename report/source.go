package report

import "unicode/utf8"

// sources reads and indexes files on demand for one Format call. It is not
// shared between calls, so formatters can run concurrently.
type sources struct {
	read  func(file string) ([]byte, bool)
	files map[string]*sourceFile
}

type sourceFile struct {
	ok     bool // false when the content could not be read
	src    []byte
	lines  *Lines
	hashes []string // computed on first use
}

func newSources(read func(string) ([]byte, bool)) *sources {
	return &sources{read: read, files: map[string]*sourceFile{}}
}

func (s *sources) file(name string) *sourceFile {
	if f, ok := s.files[name]; ok {
		return f
	}
	f := &sourceFile{}
	if s.read != nil {
		f.src, f.ok = s.read(name)
	}
	if !f.ok {
		f.src = nil
	}
	f.lines = NewLines(f.src)
	s.files[name] = f
	return f
}

// pos returns the 1-based line and UTF-16 column of off in file. When the
// file cannot be read every position is 1:1.
func (s *sources) pos(file string, off int) (line, col int) {
	line, _, col = s.file(file).lines.Position(off)
	return line, col
}

// span is a 1-based line/column range with an exclusive end column, all
// columns in UTF-16 code units.
type span struct {
	StartLine, StartColumn, EndLine, EndColumn int
}

func (s *sources) span(file string, start, end int) span {
	end = max(end, start)
	var sp span
	sp.StartLine, sp.StartColumn = s.pos(file, start)
	sp.EndLine, sp.EndColumn = s.pos(file, end)
	return sp
}

// nonEmptySpan is span, except that an empty range is widened to cover one
// character (or one column at a line end, or when the file cannot be
// read), because GitHub and the SARIF checklist want end > start for a
// result's region.
func (s *sources) nonEmptySpan(file string, start, end int) span {
	sp := s.span(file, start, end)
	if sp.EndLine > sp.StartLine || sp.EndColumn > sp.StartColumn {
		return sp
	}
	f := s.file(file)
	if start >= 0 && start < len(f.src) && f.src[start] != '\n' && f.src[start] != '\r' {
		_, size := utf8.DecodeRune(f.src[start:])
		return s.span(file, start, start+size)
	}
	sp.EndLine, sp.EndColumn = sp.StartLine, sp.StartColumn+1
	return sp
}

// hash returns the primaryLocationLineHash of a 1-based line of file, or
// false when the file cannot be read.
func (s *sources) hash(file string, line int) (string, bool) {
	f := s.file(file)
	if !f.ok {
		return "", false
	}
	if f.hashes == nil {
		f.hashes = LineHashes(f.src)
	}
	if line < 1 || line > len(f.hashes) {
		return "", false
	}
	return f.hashes[line-1], true
}
