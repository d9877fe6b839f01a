package nest

import (
	"regexp"
	"strings"

	"github.com/nestlint/nestlint/parser"
)

// importNames returns the entries of a module's imports (or exports) as written
// (UsersModule, ConfigModule.forRoot), reading through what listElems
// leaves out or cannot name:
//
//   - a spread of a module-level constant array: its elements;
//   - a conditional, spread or not — `...(isAdmin ? [AdminModule] : [])`,
//     `flag ? AModule : BModule`: the modules of both branches, since
//     either may be imported;
//   - a spread of an array literal: its elements.
//
// An entry that names nothing (an arbitrary expression) is skipped, never
// returned as an empty name. Names repeat at most once.
func (m *Model) importNames(fi FileID, list parser.Value) []string {
	var out []string
	seen := map[string]bool{}
	addName := func(n string) {
		if n != "" && !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	if list.Kind == parser.VIdent {
		for _, e := range m.listElems(fi, list, 0) {
			addName(e.v.Text)
		}
		return out
	}
	var src []byte // read only for an entry the facts do not name
	for _, e := range list.Elems() {
		if e.Kind == parser.VIdent || e.Kind == parser.VCall {
			if e.Text != "" {
				addName(e.Text)
				continue
			}
		}
		if src == nil {
			src = m.Files[fi].Source()
		}
		if int(e.Span.End) > len(src) || e.Span.End < e.Span.Start {
			continue
		}
		text := strings.TrimSpace(string(src[e.Span.Start:e.Span.End]))
		spread := false
		if rest, ok := strings.CutPrefix(text, "..."); ok {
			spread = true
			name := strings.TrimSpace(rest)
			if arr, afi, ok := m.constArray(fi, name); ok {
				for _, a := range m.listElems(afi, arr, 1) {
					addName(a.v.Text)
				}
				continue
			}
			text = name
		} else if e.Text != "" {
			addName(e.Text)
			continue
		}
		for _, n := range branchNames(text, spread, 0) {
			addName(n)
		}
	}
	return out
}

var moduleExpr = regexp.MustCompile(`^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*`)

// branchNames reads the module names out of an expression's source text:
// the branches of a conditional, the elements of an array literal, an
// identifier or a call of one (ConfigModule.forRoot({...}) gives
// ConfigModule.forRoot). Anything else gives nothing. spread says that
// text is spread into the list: its value is an array, so only array
// literals (in its branches) name modules, and `...extraModules()` names
// none.
func branchNames(text string, spread bool, depth int) []string {
	text = strings.TrimSpace(text)
	if depth > 8 || text == "" {
		return nil
	}
	for strings.HasPrefix(text, "(") && closing(text, 0) == len(text)-1 {
		text = strings.TrimSpace(text[1 : len(text)-1])
	}
	if q := topLevel(text, '?'); q >= 0 {
		if c := topLevel(text[q+1:], ':'); c >= 0 {
			return append(branchNames(text[q+1:q+1+c], spread, depth+1), branchNames(text[q+1+c+1:], spread, depth+1)...)
		}
		return nil
	}
	if strings.HasPrefix(text, "[") && closing(text, 0) == len(text)-1 {
		var out []string
		for _, part := range splitTop(text[1 : len(text)-1]) {
			part = strings.TrimSpace(part)
			rest, inner := strings.CutPrefix(part, "...")
			out = append(out, branchNames(rest, inner, depth+1)...)
		}
		return out
	}
	if spread {
		return nil
	}
	name := moduleExpr.FindString(text)
	rest := strings.TrimSpace(text[len(name):])
	if name == "" || (rest != "" && !(strings.HasPrefix(rest, "(") && closing(rest, 0) == len(rest)-1)) {
		return nil
	}
	switch name {
	case "undefined", "null", "true", "false":
		return nil
	}
	return []string{name}
}

// closing returns the index of the bracket closing the one at text[open],
// or -1. Strings are skipped.
func closing(text string, open int) int {
	d := 0
	for i := open; i < len(text); i++ {
		switch c := text[i]; c {
		case '(', '[', '{':
			d++
		case ')', ']', '}':
			d--
			if d == 0 {
				return i
			}
		case '\'', '"', '`':
			j := strings.IndexByte(text[i+1:], c)
			if j < 0 {
				return -1
			}
			i += j + 1
		}
	}
	return -1
}

// topLevel returns the index of the first c outside brackets and strings
// (and, for '?', not part of ?. or ??), or -1.
func topLevel(text string, c byte) int {
	d := 0
	for i := 0; i < len(text); i++ {
		switch ch := text[i]; ch {
		case '(', '[', '{':
			d++
		case ')', ']', '}':
			d--
		case '\'', '"', '`':
			j := strings.IndexByte(text[i+1:], ch)
			if j < 0 {
				return -1
			}
			i += j + 1
		case '?':
			if i+1 < len(text) && (text[i+1] == '.' || text[i+1] == '?') {
				i++
				continue
			}
			if c == '?' && d == 0 {
				return i
			}
		default:
			if ch == c && d == 0 {
				return i
			}
		}
	}
	return -1
}

// splitTop splits text at top-level commas.
func splitTop(text string) []string {
	var out []string
	for {
		i := topLevel(text, ',')
		if i < 0 {
			if strings.TrimSpace(text) != "" {
				out = append(out, text)
			}
			return out
		}
		out = append(out, text[:i])
		text = text[i+1:]
	}
}
