package report

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// EscapeControls returns s with every control character (C0 but tab, DEL,
// C1), every Unicode bidirectional control and every invalid UTF-8 byte
// written as a Go escape (\n, \x1b, \u202e, \xff), so that a file name or
// message cannot forge output lines or send terminal sequences. Text
// without such characters is returned unchanged.
func EscapeControls(s string) string {
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i]), 16))
		case isControl(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func needsEscape(s string) bool {
	for i, r := range s {
		if isControl(r) || r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			return true
		}
	}
	return false
}

func isControl(r rune) bool {
	return r < 0x20 && r != '\t' || r == 0x7f || 0x80 <= r && r < 0xa0 ||
		0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}

// safeLine is a message for one output line: line breaks become spaces,
// other control characters are escaped.
func safeLine(s string) string { return EscapeControls(oneLine(s)) }
