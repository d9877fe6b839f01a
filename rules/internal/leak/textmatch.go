package leak

import (
	"bytes"
	"regexp"
)

// The text tests below look for one name (a field, a variable) in source
// text. The name varies, the context around it does not: each test finds
// the name's occurrences with bytes.Index and checks the context with
// package-level regexps anchored at the name, so no regexp is compiled per
// name and nothing grows with the names a long-running process has seen.

// Context after the name, anchored at its end.
var (
	sizeAfter = regexp.MustCompile(`^\s*\.\s*(size|length)\b`)
	keysAfter = regexp.MustCompile(`^\s*\)\s*\.\s*length`)
	opAfter   = regexp.MustCompile(`^\s*[-+*/%]`)
	lazyAfter = regexp.MustCompile(`^\s*(\)|&&|\|\||[!=]==?\s*(null|undefined|'undefined'|"undefined")\s*(\)|&&|\|\|))`)
)

// isWord reports whether c is in \w (ASCII letters, digits, underscore).
func isWord(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// isIdent reports whether c is in [\w$].
func isIdent(c byte) bool { return isWord(c) || c == '$' }

// isSpace reports whether c is in \s.
func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func trimSpaceRight(b []byte) []byte {
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func trimSpaceLeft(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	return b
}

// wordBoundary reports whether \b holds at offset i of text.
func wordBoundary(text []byte, i int) bool {
	before := i > 0 && isWord(text[i-1])
	after := i < len(text) && isWord(text[i])
	return before != after
}

// freeLeft reports whether the name at offset i of text is not the tail of
// a longer identifier or member path: (^|[^\w$.]) before it.
func freeLeft(text []byte, i int) bool {
	return i == 0 || !isIdent(text[i-1]) && text[i-1] != '.'
}

// anyAt reports whether ok holds at some occurrence of name in text.
func anyAt(text []byte, name string, ok func(i int) bool) bool {
	if name == "" {
		return false
	}
	n := []byte(name)
	for off := 0; off <= len(text); {
		j := bytes.Index(text[off:], n)
		if j < 0 {
			return false
		}
		if ok(off + j) {
			return true
		}
		off += j + 1
	}
	return false
}

// readsSize reports whether text reads the size of base:
// `base.size`, `base.length` or `Object.keys(base).length`.
func readsSize(text []byte, base string) bool {
	return anyAt(text, base, func(i int) bool {
		after := text[i+len(base):]
		if freeLeft(text, i) && sizeAfter.Match(after) {
			return true
		}
		return bytes.HasSuffix(trimSpaceRight(text[:i]), []byte("keys(")) && keysAfter.Match(after)
	})
}

// mentionsName reports whether text reads the name base as a whole
// identifier or path (not base2, not x.base).
func mentionsName(text []byte, base string) bool {
	return anyAt(text, base, func(i int) bool {
		e := i + len(base)
		return freeLeft(text, i) && (e == len(text) || !isIdent(text[e]))
	})
}

// selfOr reports whether text starts with `base ??` or `base ||`.
func selfOr(text []byte, base string) bool {
	t := trimSpaceLeft(text)
	if !bytes.HasPrefix(t, []byte(base)) || base == "" {
		return false
	}
	t = trimSpaceLeft(t[len(base):])
	return bytes.HasPrefix(t, []byte("??")) || bytes.HasPrefix(t, []byte("||"))
}

// orAssignBefore reports whether text ends with `base ?? (` or `base || (`
// (the start of `x ?? (x = v)`).
func orAssignBefore(text []byte, base string) bool {
	t := trimSpaceRight(text)
	if !bytes.HasSuffix(t, []byte("(")) {
		return false
	}
	t = trimSpaceRight(t[:len(t)-1])
	if !bytes.HasSuffix(t, []byte("??")) && !bytes.HasSuffix(t, []byte("||")) {
		return false
	}
	t = trimSpaceRight(t[:len(t)-2])
	if base == "" || !bytes.HasSuffix(t, []byte(base)) {
		return false
	}
	return freeLeft(t, len(t)-len(base))
}

// testsEmpty reports whether text tests base for emptiness in an if:
// `if (base)`, `if (!base &&`, `if (typeof base === 'undefined')`,
// `if (base == null ||`.
func testsEmpty(text []byte, base string) bool {
	return anyAt(text, base, func(i int) bool {
		if !lazyAfter.Match(text[i+len(base):]) {
			return false
		}
		p := trimSpaceRight(text[:i])
		switch {
		case bytes.HasSuffix(p, []byte("!")):
			p = trimSpaceRight(p[:len(p)-1])
		case bytes.HasSuffix(p, []byte("typeof")) && len(p) < i:
			p = trimSpaceRight(p[:len(p)-len("typeof")])
		}
		if !bytes.HasSuffix(p, []byte("(")) {
			return false
		}
		return bytes.HasSuffix(trimSpaceRight(p[:len(p)-1]), []byte("if"))
	})
}

// Accumulates reports whether text computes a new value from this.field
// by arithmetic: `this.total + n`, `n * this.total`,
// `Math.max(this.peak, n)`.
func Accumulates(text []byte, field string) bool {
	if field == "" {
		return false
	}
	return anyAt(text, "this."+field, func(i int) bool {
		e := i + len("this.") + len(field)
		if !wordBoundary(text, e) {
			return false
		}
		if opAfter.Match(text[e:]) {
			return true
		}
		p := trimSpaceRight(text[:i])
		if len(p) > 0 && bytes.IndexByte([]byte("-+*/%"), p[len(p)-1]) >= 0 {
			return true
		}
		line := text[bytes.LastIndexByte(text[:i], '\n')+1 : i]
		return bytes.Contains(line, []byte("Math.max(")) || bytes.Contains(line, []byte("Math.min("))
	})
}
