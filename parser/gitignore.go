package parser

import (
	"bytes"
	"slices"
	"strings"
)

// This file implements .gitignore matching as git does it (dir.c and
// wildmatch.c): each .gitignore is compiled once into an ignoreFile whose
// literal basenames, "*suffix" patterns and literal paths are looked up in
// maps; only the remaining patterns run the glob matcher. Among the
// .gitignore files that apply to an entry the deepest one that has a
// matching pattern decides, and within a file the last matching pattern;
// a folder that is excluded is not entered, so nothing below it can be
// re-included (discovery does not descend into it).

// ignorePattern is one line of a .gitignore, parsed as git's
// parse_path_pattern does.
type ignorePattern struct {
	pat      string // without "!", the trailing "/" and, for a path pattern, the leading "/"
	neg      bool   // "!pattern": re-includes
	dirOnly  bool   // "pattern/": matches folders only
	basename bool   // no "/" inside: matches the entry's name at any depth
	prefix   int    // length of the literal start of pat (no * ? [ \)
	endsWith bool   // "*literal": a basename suffix test
	line     int    // 1-based line number
}

// idxPair holds, for one map key, the highest index+1 of a matching
// pattern that applies to any entry and of one that applies to folders
// only (0: none).
type idxPair struct{ any, dir int }

func (p idxPair) best(isDir bool) int {
	if isDir && p.dir > p.any {
		return p.dir
	}
	return p.any
}

func (p *idxPair) set(i int, dirOnly bool) {
	if dirOnly {
		p.dir = i + 1
	} else {
		p.any = i + 1
	}
}

// ignoreFile is one compiled .gitignore.
type ignoreFile struct {
	path string // absolute path of the .gitignore
	base string // its folder relative to the repository with a trailing "/", or ""
	pats []ignorePattern

	names      map[string]idxPair // literal basename patterns
	suffixes   map[string]idxPair // "*suffix" basename patterns, by suffix
	suffixLens []int              // the distinct suffix lengths, ascending
	paths      map[string]idxPair // literal path patterns, relative to base
	globs      []int              // every other pattern, by descending index
}

// isGlobSpecial reports the bytes git's wildmatch treats specially.
func isGlobSpecial(c byte) bool { return c == '*' || c == '?' || c == '[' || c == '\\' }

func simpleLength(s string) int {
	for i := 0; i < len(s); i++ {
		if isGlobSpecial(s[i]) {
			return i
		}
	}
	return len(s)
}

// trimTrailingSpaces drops trailing spaces that are not escaped with a
// backslash (git's trim_trailing_spaces).
func trimTrailingSpaces(s string) string {
	lastSpace := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ':
			if lastSpace < 0 {
				lastSpace = i
			}
		case '\\':
			i++
			if i >= len(s) {
				return s
			}
			lastSpace = -1
		default:
			lastSpace = -1
		}
	}
	if lastSpace >= 0 {
		return s[:lastSpace]
	}
	return s
}

// parseIgnorePattern parses one line; ok is false for a line that holds
// no pattern.
func parseIgnorePattern(line string, n int) (p ignorePattern, ok bool) {
	p.line = n
	if strings.HasPrefix(line, "!") {
		p.neg = true
		line = line[1:]
	}
	if strings.HasSuffix(line, "/") {
		p.dirOnly = true
		line = line[:len(line)-1]
	}
	if line == "" {
		return p, false
	}
	if !strings.Contains(line, "/") {
		p.basename = true
	} else {
		line = strings.TrimPrefix(line, "/")
	}
	p.pat = line
	p.prefix = simpleLength(line)
	if p.basename && len(line) > 1 && line[0] == '*' && simpleLength(line[1:]) == len(line)-1 {
		p.endsWith = true
	}
	return p, true
}

// parseIgnore parses the content of a .gitignore as git does: a UTF-8 BOM
// is skipped, a trailing CR is dropped, lines starting with "#" are
// comments, unescaped trailing spaces are trimmed.
func parseIgnore(data []byte) []ignorePattern {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var out []ignorePattern
	n := 0
	for len(data) > 0 {
		n++
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		if p, ok := parseIgnorePattern(trimTrailingSpaces(string(line)), n); ok {
			out = append(out, p)
		}
	}
	return out
}

// compileIgnore builds the lookup maps of a .gitignore's patterns.
func compileIgnore(path, base string, pats []ignorePattern) *ignoreFile {
	f := &ignoreFile{path: path, base: base, pats: pats}
	lens := map[int]bool{}
	for i, p := range pats {
		switch {
		case p.basename && p.prefix == len(p.pat):
			if f.names == nil {
				f.names = map[string]idxPair{}
			}
			e := f.names[p.pat]
			e.set(i, p.dirOnly)
			f.names[p.pat] = e
		case p.endsWith:
			if f.suffixes == nil {
				f.suffixes = map[string]idxPair{}
			}
			e := f.suffixes[p.pat[1:]]
			e.set(i, p.dirOnly)
			f.suffixes[p.pat[1:]] = e
			lens[len(p.pat)-1] = true
		case !p.basename && p.prefix == len(p.pat):
			if f.paths == nil {
				f.paths = map[string]idxPair{}
			}
			e := f.paths[p.pat]
			e.set(i, p.dirOnly)
			f.paths[p.pat] = e
		default:
			f.globs = append(f.globs, i)
		}
	}
	for l := range lens {
		f.suffixLens = append(f.suffixLens, l)
	}
	slices.Sort(f.suffixLens)
	slices.Reverse(f.globs)
	return f
}

// match returns the index+1 of the last pattern of f matching the entry
// at rel (relative to the repository, '/'-separated) named name, or 0.
// rel must lie under f.base.
func (f *ignoreFile) match(rel, name string, isDir bool) int {
	if len(rel) <= len(f.base) || rel[:len(f.base)] != f.base {
		return 0
	}
	sub := rel[len(f.base):]
	best := 0
	if e, ok := f.names[name]; ok {
		best = max(best, e.best(isDir))
	}
	for _, l := range f.suffixLens {
		if l > len(name) {
			break
		}
		if e, ok := f.suffixes[name[len(name)-l:]]; ok {
			best = max(best, e.best(isDir))
		}
	}
	if e, ok := f.paths[sub]; ok {
		best = max(best, e.best(isDir))
	}
	for _, i := range f.globs {
		if i+1 <= best {
			break // globs are by descending index: no later pattern left
		}
		p := &f.pats[i]
		if p.dirOnly && !isDir {
			continue
		}
		if p.basename {
			if len(name) >= p.prefix && name[:p.prefix] == p.pat[:p.prefix] &&
				wildmatch(p.pat, name, false) {
				return i + 1
			}
			continue
		}
		if len(sub) >= p.prefix && sub[:p.prefix] == p.pat[:p.prefix] &&
			wildmatch(p.pat[p.prefix:], sub[p.prefix:], true) {
			return i + 1
		}
	}
	return best
}

// ignoreStack is the .gitignore files that apply in a folder, outermost
// first. It is shared by the goroutines of a walk: never modified, only
// extended into a new slice.
type ignoreStack []*ignoreFile

// push returns s with f added (s itself is left as is).
func (s ignoreStack) push(f *ignoreFile) ignoreStack {
	if f == nil || len(f.pats) == 0 {
		return s
	}
	return append(s[:len(s):len(s)], f)
}

// decide returns the .gitignore and pattern that decide about the entry
// at rel named name: the deepest file with a matching pattern, its last
// matching pattern. f is nil when no pattern matches.
func (s ignoreStack) decide(rel, name string, isDir bool) (f *ignoreFile, p *ignorePattern) {
	for k := len(s) - 1; k >= 0; k-- {
		if i := s[k].match(rel, name, isDir); i > 0 {
			return s[k], &s[k].pats[i-1]
		}
	}
	return nil, nil
}

// excluded reports whether the entry at rel is ignored by s (its parent
// folders are not looked at: discovery does not enter an excluded folder).
func (s ignoreStack) excluded(rel, name string, isDir bool) (*ignoreFile, bool) {
	f, p := s.decide(rel, name, isDir)
	return f, p != nil && !p.neg
}

// wildmatch matches text against the glob pattern as git's wildmatch
// does; pathname is WM_PATHNAME ("*" and "?" do not match "/", "**"
// between slashes matches any number of folders).
func wildmatch(pattern, text string, pathname bool) bool {
	return dowild(pattern, text, pathname) == wmMatch
}

const (
	wmMatch = iota
	wmNoMatch
	wmAbortAll
	wmAbortToStarStar
)

// at returns s[i], or 0 past the end (C's terminating NUL).
func at(s string, i int) byte {
	if i < len(s) {
		return s[i]
	}
	return 0
}

func dowild(pat, text string, pathname bool) int {
	p, t := 0, 0
	for ; p < len(pat); p, t = p+1, t+1 {
		pc := pat[p]
		tc := at(text, t)
		if t >= len(text) && pc != '*' {
			return wmAbortAll
		}
		switch pc {
		default:
			if tc != pc {
				return wmNoMatch
			}
			continue
		case '\\':
			p++
			if at(pat, p) != tc || p >= len(pat) {
				return wmNoMatch
			}
			continue
		case '?':
			if pathname && tc == '/' {
				return wmNoMatch
			}
			continue
		case '*':
			var matchSlash bool
			p++
			if at(pat, p) == '*' {
				prev := p - 2
				for p++; at(pat, p) == '*'; p++ {
				}
				if (prev < 0 || pat[prev] == '/') &&
					(p >= len(pat) || pat[p] == '/' || (pat[p] == '\\' && at(pat, p+1) == '/')) {
					if at(pat, p) == '/' && dowild(pat[p+1:], text[t:], pathname) == wmMatch {
						return wmMatch
					}
					matchSlash = true
				} else {
					matchSlash = false
				}
			} else {
				matchSlash = !pathname
			}
			if p >= len(pat) {
				// A trailing "**" matches everything, a trailing "*"
				// only when no slash follows.
				if !matchSlash && strings.IndexByte(text[t:], '/') >= 0 {
					return wmNoMatch
				}
				return wmMatch
			}
			if !matchSlash && pat[p] == '/' {
				// one "*" then a slash matches the rest of this folder name
				k := strings.IndexByte(text[t:], '/')
				if k < 0 {
					return wmNoMatch
				}
				t += k
				continue // the for loop consumes the slash
			}
			for {
				if t >= len(text) {
					break
				}
				if !isGlobSpecial(pat[p]) {
					// skip to the next occurrence of the literal that follows
					want := pat[p]
					for t < len(text) && (matchSlash || text[t] != '/') && text[t] != want {
						t++
					}
					if at(text, t) != want || t >= len(text) {
						return wmNoMatch
					}
				}
				tc = text[t]
				m := dowild(pat[p:], text[t:], pathname)
				if m != wmNoMatch {
					if !matchSlash || m != wmAbortToStarStar {
						return m
					}
				} else if !matchSlash && tc == '/' {
					return wmAbortToStarStar
				}
				t++
			}
			return wmAbortAll
		case '[':
			p++
			pc = at(pat, p)
			if pc == '^' {
				pc = '!'
			}
			negated := pc == '!'
			if negated {
				p++
				pc = at(pat, p)
			}
			var prev byte
			matched := false
			for {
				if p >= len(pat) {
					return wmAbortAll
				}
				switch {
				case pc == '\\':
					p++
					if p >= len(pat) {
						return wmAbortAll
					}
					pc = pat[p]
					if tc == pc {
						matched = true
					}
				case pc == '-' && prev != 0 && p+1 < len(pat) && pat[p+1] != ']':
					p++
					pc = pat[p]
					if pc == '\\' {
						p++
						if p >= len(pat) {
							return wmAbortAll
						}
						pc = pat[p]
					}
					if tc <= pc && tc >= prev {
						matched = true
					}
					pc = 0 // prev becomes 0
				case pc == '[' && at(pat, p+1) == ':':
					p += 2
					s := p
					for p < len(pat) && pat[p] != ']' {
						p++
					}
					if p >= len(pat) {
						return wmAbortAll
					}
					i := p - s - 1
					if i < 0 || pat[p-1] != ':' {
						// no ":]": an ordinary "["
						p = s - 2
						pc = '['
						if tc == pc {
							matched = true
						}
						break
					}
					r, ok := charClass(pat[s:s+i], tc)
					if !ok {
						return wmAbortAll
					}
					if r {
						matched = true
					}
					pc = 0
				default:
					if tc == pc {
						matched = true
					}
				}
				prev = pc
				p++
				pc = at(pat, p)
				if pc == ']' {
					break
				}
			}
			if matched == negated || (pathname && tc == '/') {
				return wmNoMatch
			}
			continue
		}
	}
	if t < len(text) {
		return wmNoMatch
	}
	return wmMatch
}

// charClass tests c against a POSIX class name ("alpha"); ok is false
// for an unknown class.
func charClass(name string, c byte) (in, ok bool) {
	isUpper := c >= 'A' && c <= 'Z'
	isLower := c >= 'a' && c <= 'z'
	isDigit := c >= '0' && c <= '9'
	isAlpha := isUpper || isLower
	isSpace := c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
	isPrint := c >= 0x20 && c < 0x7f
	switch name {
	case "alnum":
		return isAlpha || isDigit, true
	case "alpha":
		return isAlpha, true
	case "blank":
		return c == ' ' || c == '\t', true
	case "cntrl":
		return c < 0x20 || c == 0x7f, true
	case "digit":
		return isDigit, true
	case "graph":
		return isPrint && c != ' ', true
	case "lower":
		return isLower, true
	case "print":
		return isPrint, true
	case "punct":
		return isPrint && c != ' ' && !isAlpha && !isDigit, true
	case "space":
		return isSpace, true
	case "upper":
		return isUpper, true
	case "xdigit":
		return isDigit || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F', true
	}
	return false, false
}

// matchOne reports whether pattern p of f matches the entry at rel (its
// negation aside).
func (f *ignoreFile) matchOne(p *ignorePattern, rel, name string, isDir bool) bool {
	if len(rel) <= len(f.base) || rel[:len(f.base)] != f.base || p.dirOnly && !isDir {
		return false
	}
	if p.basename {
		return wildmatch(p.pat, name, false)
	}
	return wildmatch(p.pat, rel[len(f.base):], true)
}
