package regex

import (
	"strconv"
	"strings"
	"testing"
)

// unquoteJS reverses quoteJS.
func unquoteJS(t *testing.T, s string) string {
	t.Helper()
	if len(s) < 2 || s[0] != '\'' || s[len(s)-1] != '\'' {
		t.Fatalf("attack %q is not a quoted string", s)
	}
	s = s[1 : len(s)-1]
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'x':
			v, _ := strconv.ParseUint(s[i+1:i+3], 16, 32)
			b.WriteRune(rune(v))
			i += 2
		case 'u':
			if s[i+1] == '{' {
				end := strings.IndexByte(s[i:], '}') + i
				v, _ := strconv.ParseUint(s[i+2:end], 16, 32)
				b.WriteRune(rune(v))
				i = end
			} else {
				v, _ := strconv.ParseUint(s[i+1:i+5], 16, 32)
				b.WriteRune(rune(v))
				i += 4
			}
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func TestBacktrackerSemantics(t *testing.T) {
	t.Parallel()
	cases := []struct {
		pattern, flags, input string
		want                  bool
	}{
		{`^a+$`, "", "aaa", true},
		{`^a+$`, "", "aab", false},
		{`^(a|ab)*c$`, "", "ababac", true},
		{`^(?:a?)*$`, "", "aaa", true},
		{`^(\w+)\s\1$`, "", "hey hey", true},
		{`^(\w+)\s\1$`, "", "hey hay", false},
		{`(?<=\$)\d+`, "", "cost: $42", true},
		{`(?<!\$)\b\d+`, "", "$42", false},
		{`^a(?=b)`, "", "ab", true},
		{`^a(?!b)`, "", "ab", false},
		{`^\bfoo\b`, "", "foo bar", true},
		{`^x$`, "m", "a\nx\nb", true},
		{`^[^\n]*$`, "", "a\nb", false},
		{`^(?:ab){2,3}$`, "", "ababab", true},
		{`^(?:ab){2,3}$`, "", "ab", false},
		{`^a{2}?$`, "", "aa", true},
		{`^[\q{abc|d}]+$`, "v", "abcdabc", true},
	}
	for _, c := range cases {
		t.Run(c.pattern+"/"+c.flags+"/"+c.input, func(t *testing.T) {
			root, err := Parse(c.pattern, c.flags)
			if err != nil {
				t.Fatal(err)
			}
			got, exceeded, _ := run(root, c.input, 1_000_000)
			if exceeded || got != c.want {
				t.Fatalf("match = %v (exceeded %v), want %v", got, exceeded, c.want)
			}
		})
	}
}
