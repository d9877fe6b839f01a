package lint

import (
	"strings"
	"testing"
)

// TestQuote (issue 13 item 14): quoted user code cannot escape its code
// span, inject HTML or terminal sequences, or grow without bound.
func TestQuote(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"/^(a+)+$/", "`/^(a+)+$/`"},
		{"<img src=x onerror=alert(1)>", "`<img src=x onerror=alert(1)>`"},
		{"a`b", "``a`b``"},
		{"`x`", "`` `x` ``"},
		{"[x](https://evil)", "`[x](https://evil)`"},
		{"line\nbreak\x1b[31m", "`line\\nbreak\\x1b[31m`"},
		{"rtl\u202eevil", "`rtl\\u202eevil`"},
		{"bad\xffbyte", "`bad\\xffbyte`"},
	} {
		if got := Quote(tc.in); got != tc.want {
			t.Errorf("Quote(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := QuoteMax("npm run start:prod", 7); got != "`npm run…`" {
		t.Errorf("QuoteMax = %q", got)
	}
	if got := QuoteMax("npm", 7); got != "`npm`" {
		t.Errorf("QuoteMax short text = %q", got)
	}
	long := Quote(strings.Repeat("a", 10_000))
	if len(long) > MaxQuote+10 || !strings.HasSuffix(long, "…`") {
		t.Errorf("long text: %d bytes, %q", len(long), long[len(long)-10:])
	}
}
