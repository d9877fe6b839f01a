package lint

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// MaxQuote is the longest user text (in bytes) Quote shows before
// shortening it with "…".
const MaxQuote = 200

// Quote returns user code quoted in a message (a regex source, a
// Dockerfile command, a PM2 app name): a Markdown code span whose fence is
// longer than any run of backticks inside, so that GitHub, which renders
// SARIF messages and annotations, shows it verbatim and renders neither
// Markdown nor HTML from it. Control characters are escaped (\n, \x1b)
// and the text is shortened past MaxQuote bytes.
func Quote(s string) string { return QuoteMax(s, MaxQuote) }

// MaxMessageQuote is how much user text a one-sentence message shows
// (issue 18: a message is at most 160 characters before its path); the
// finding's position shows the whole text.
const MaxMessageQuote = 48

// QuoteMax is Quote shortening the text past limit bytes instead of
// MaxQuote.
func QuoteMax(s string, limit int) string {
	var b strings.Builder
	n := 0
	for i, r := range s {
		if n >= limit {
			b.WriteString("…")
			break
		}
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i]), 16))
		case r < 0x20 || r == 0x7f || 0x80 <= r && r < 0xa0 || isBidi(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
		n = b.Len()
	}
	text := b.String()
	longest, run := 0, 0
	for i := 0; i < len(text); i++ {
		if text[i] == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(text, "`") || strings.HasSuffix(text, "`") {
		text = " " + text + " "
	}
	return fence + text + fence
}

// isBidi reports the Unicode bidirectional controls that reorder text on
// screen ("Trojan Source").
func isBidi(r rune) bool {
	return 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069 || r == 0x200e || r == 0x200f || r == 0x061c
}
