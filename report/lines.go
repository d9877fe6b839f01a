package report

import (
	"sort"
	"unicode/utf8"
)

// Lines is a line index over one file's bytes. It turns the byte offsets
// that the checker reports into 1-based lines and columns.
//
// Line breaks are "\n", "\r\n" and a lone "\r", which is what GitHub's
// fingerprinting (LineHashes) counts, so a result's startLine and its
// primaryLocationLineHash always name the same line. U+2028 and U+2029 are
// not line breaks here, although TypeScript treats them as such.
//
// Columns are counted in UTF-16 code units everywhere nestlint prints them
// (text, JSON, SARIF with columnKind utf16CodeUnits, GitHub annotations),
// because that is what VS Code, ESLint and GitHub use: a character outside
// the Basic Multilingual Plane (an emoji) counts 2, every other character
// counts 1, and each byte of an invalid UTF-8 sequence counts 1. A byte
// order mark at the start of the file is an ordinary character (U+FEFF, one
// unit), as it is for the fingerprints.
type Lines struct {
	src    []byte
	starts []int // starts[i] is the byte offset where line i+1 begins
}

// NewLines indexes src. It keeps a reference to src, which must not change.
func NewLines(src []byte) *Lines {
	starts := []int{0}
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return &Lines{src: src, starts: starts}
}

// Count returns the number of lines. A file that ends with a line break has
// an empty last line, so "a\n" has 2 lines and the empty file has 1.
func (l *Lines) Count() int { return len(l.starts) }

// LineStart returns the byte offset where the 1-based line begins. It
// clamps line to [1, Count()].
func (l *Lines) LineStart(line int) int {
	line = min(max(line, 1), len(l.starts))
	return l.starts[line-1]
}

// Line returns the 1-based line that contains byte offset off. Offsets are
// clamped to [0, len(src)]; an offset inside a "\r\n" pair belongs to the
// line that the pair ends.
func (l *Lines) Line(off int) int {
	off = min(max(off, 0), len(l.src))
	// The last line whose start is <= off.
	return sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off })
}

// Position converts byte offset off into a 1-based line, a 1-based byte
// column and a 1-based UTF-16 column. An offset inside a multi-byte
// character counts that whole character, so the column is the one just
// after it.
func (l *Lines) Position(off int) (line, byteCol, utf16Col int) {
	off = min(max(off, 0), len(l.src))
	line = l.Line(off)
	start := l.starts[line-1]
	return line, off - start + 1, utf16Units(l.src[start:], off-start) + 1
}

// utf16Units counts the UTF-16 code units of the characters that start
// before byte n of b.
func utf16Units(b []byte, n int) int {
	units := 0
	for i := 0; i < n; {
		if b[i] < utf8.RuneSelf {
			units++
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			units++ // one unit per invalid byte
		case r >= 0x10000:
			units += 2 // surrogate pair
		default:
			units++
		}
		i += size
	}
	return units
}
