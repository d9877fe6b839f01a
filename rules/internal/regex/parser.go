package regex

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxDepth bounds the nesting of groups, lookarounds and (v flag) nested
// classes; deeper patterns are rejected with a SyntaxError.
const MaxDepth = 1000

// maxCount saturates quantifier bounds, like V8 (which therefore accepts
// {n,m} with n > m when both exceed it).
const maxCount = 1<<31 - 1

// SyntaxError reports a malformed pattern or flags.
type SyntaxError struct {
	Offset int // byte offset in the pattern (0 for flag errors)
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("invalid regular expression: %s at offset %d", e.Msg, e.Offset)
}

type parser struct {
	src string
	pos int

	umode bool // u or v flag
	vmode bool // v flag

	// Flags in effect at the current position; (?ims-ims:) modifiers change them.
	icase, dotAll, multiline bool

	ncap     int            // number of capturing groups in the whole pattern
	names    map[string]int // group name -> first group number
	hasNames bool           // the pattern has (?<name>...) groups
	capIdx   int            // capturing groups opened so far
	depth    int

	disjunctions int                    // disjunctions opened so far
	alts         []altStep              // the alternatives enclosing the current position
	named        map[string][][]altStep // group name -> the alternatives around each group of that name
}

// altStep is the alternative taken in one enclosing disjunction.
type altStep struct{ disjunction, alt int }

// checkDuplicateName rejects a group name used twice unless the two groups
// lie in different alternatives of a disjunction (ES2025: they cannot both
// participate in a match).
func (p *parser) checkDuplicateName(name string, off int) {
	if p.named == nil {
		p.named = map[string][][]altStep{}
	}
	here := append([]altStep(nil), p.alts...)
	for _, other := range p.named[name] {
		exclusive := false
		for i := 0; i < len(here) && i < len(other) && here[i].disjunction == other[i].disjunction; i++ {
			if here[i].alt != other[i].alt {
				exclusive = true
				break
			}
		}
		if !exclusive {
			p.fail(off, "duplicate capture group name")
		}
	}
	p.named[name] = append(p.named[name], here)
}

// Parse parses a JavaScript regex pattern (the text between the slashes, or a
// RegExp constructor string after JS string unescaping) with the given flags
// ("dgimsuyv" letters). The grammar is ECMAScript 2025 with the Annex B
// extensions that apply without the u and v flags (a '{' that does not start
// a quantifier is a literal, \8 is '8', legacy octal escapes, and so on).
// Malformed patterns return a *SyntaxError; Parse never panics.
func Parse(pattern, flags string) (root *Node, err error) {
	p := &parser{src: pattern}
	if err := p.setFlags(flags); err != nil {
		return nil, err
	}
	p.ncap, p.names, p.hasNames = prescan(pattern, p.vmode)
	defer func() {
		if r := recover(); r != nil {
			se, ok := r.(*SyntaxError)
			if !ok {
				panic(r)
			}
			root, err = nil, se
		}
	}()
	root = p.parseDisjunction()
	if p.pos < len(p.src) {
		p.fail(p.pos, "unmatched ')'")
	}
	return root, nil
}

func (p *parser) setFlags(flags string) error {
	seen := map[rune]bool{}
	for _, f := range flags {
		if !strings.ContainsRune("dgimsuyv", f) || seen[f] {
			return &SyntaxError{Offset: 0, Msg: fmt.Sprintf("invalid flags %q", flags)}
		}
		seen[f] = true
	}
	if seen['u'] && seen['v'] {
		return &SyntaxError{Offset: 0, Msg: fmt.Sprintf("invalid flags %q: u and v exclude each other", flags)}
	}
	p.icase, p.multiline, p.dotAll = seen['i'], seen['m'], seen['s']
	p.umode = seen['u'] || seen['v']
	p.vmode = seen['v']
	return nil
}

// prescan counts the capturing groups and collects the group names, as the
// grammar needs both before the references to them are parsed.
func prescan(src string, vmode bool) (ncap int, names map[string]int, hasNames bool) {
	names = map[string]int{}
	classDepth := 0
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\\':
			i++
		case '[':
			if classDepth == 0 || vmode {
				classDepth++
			}
		case ']':
			if classDepth > 0 {
				classDepth--
			}
		case '(':
			if classDepth > 0 {
				continue
			}
			if i+1 < len(src) && src[i+1] == '?' {
				if i+2 < len(src) && src[i+2] == '<' && (i+3 >= len(src) || src[i+3] != '=' && src[i+3] != '!') {
					ncap++
					hasNames = true
					if name, _, msg := scanGroupName(src, i+3); msg == "" {
						if _, dup := names[name]; !dup {
							names[name] = ncap
						}
					}
				}
				continue
			}
			ncap++
		}
	}
	return ncap, names, hasNames
}

func (p *parser) fail(off int, msg string) {
	panic(&SyntaxError{Offset: off, Msg: msg})
}

func (p *parser) more() bool { return p.pos < len(p.src) }

func (p *parser) at(s string) bool { return strings.HasPrefix(p.src[p.pos:], s) }

func (p *parser) enter(off int) {
	p.depth++
	if p.depth > MaxDepth {
		p.fail(off, "pattern too deeply nested")
	}
}

func (p *parser) leave() { p.depth-- }

func (p *parser) parseDisjunction() *Node {
	start := p.pos
	p.disjunctions++
	p.alts = append(p.alts, altStep{p.disjunctions, 0})
	alts := []*Node{p.parseAlternative()}
	for p.more() && p.src[p.pos] == '|' {
		p.pos++
		p.alts[len(p.alts)-1].alt++
		alts = append(alts, p.parseAlternative())
	}
	p.alts = p.alts[:len(p.alts)-1]
	if len(alts) == 1 {
		return alts[0]
	}
	return &Node{Kind: KindAlternation, Start: start, End: p.pos, Children: alts}
}

func (p *parser) parseAlternative() *Node {
	start := p.pos
	var terms []*Node
	for p.more() && p.src[p.pos] != '|' && p.src[p.pos] != ')' {
		terms = append(terms, p.parseTerm())
	}
	switch len(terms) {
	case 0:
		return &Node{Kind: KindEmpty, Start: start, End: start}
	case 1:
		return terms[0]
	}
	return &Node{Kind: KindConcat, Start: start, End: p.pos, Children: terms}
}

func (p *parser) parseTerm() *Node {
	start := p.pos
	switch p.src[p.pos] {
	case '^', '$':
		kind := AssertStart
		if p.src[p.pos] == '$' {
			kind = AssertEnd
		}
		p.pos++
		n := &Node{Kind: KindAssertion, Start: start, End: p.pos, Assert: kind, Multiline: p.multiline}
		p.noQuantifier()
		return n
	case '\\':
		if p.at(`\b`) || p.at(`\B`) {
			kind := AssertWordBoundary
			if p.src[p.pos+1] == 'B' {
				kind = AssertNotWordBoundary
			}
			p.pos += 2
			n := &Node{Kind: KindAssertion, Start: start, End: p.pos, Assert: kind}
			p.noQuantifier()
			return n
		}
	case '(':
		if p.at("(?=") || p.at("(?!") || p.at("(?<=") || p.at("(?<!") {
			n := p.parseLookaround()
			if !n.Behind && !p.umode {
				// Annex B: a lookahead may be quantified without u/v.
				return p.parseQuantifierOpt(n, start)
			}
			p.noQuantifier()
			return n
		}
	}
	return p.parseQuantifierOpt(p.parseAtom(), start)
}

// braced parses a {n}, {n,} or {n,m} quantifier at p.pos without consuming
// it. ok is false when the text is not one; outOfOrder reports n > m.
func (p *parser) braced() (lo, hi, end int, ok, outOfOrder bool) {
	s := p.src
	i := p.pos + 1
	d1 := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == d1 {
		return 0, 0, 0, false, false
	}
	lo = atoiSat(s[d1:i])
	hi = lo
	if i < len(s) && s[i] == ',' {
		i++
		d2 := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		if i == d2 {
			hi = Unbounded
		} else {
			hi = atoiSat(s[d2:i])
			outOfOrder = lo > hi
		}
	}
	if i >= len(s) || s[i] != '}' {
		return 0, 0, 0, false, false
	}
	return lo, hi, i + 1, true, outOfOrder
}

func (p *parser) quantifierAhead() bool {
	if !p.more() {
		return false
	}
	switch p.src[p.pos] {
	case '*', '+', '?':
		return true
	case '{':
		if p.umode {
			return true
		}
		_, _, _, ok, _ := p.braced()
		return ok
	}
	return false
}

func (p *parser) noQuantifier() {
	if p.quantifierAhead() {
		p.fail(p.pos, "nothing to repeat")
	}
}

func (p *parser) parseQuantifierOpt(atom *Node, start int) *Node {
	if !p.more() {
		return atom
	}
	qstart := p.pos
	var lo, hi int
	switch p.src[p.pos] {
	case '*':
		lo, hi = 0, Unbounded
		p.pos++
	case '+':
		lo, hi = 1, Unbounded
		p.pos++
	case '?':
		lo, hi = 0, 1
		p.pos++
	case '{':
		l, h, end, ok, outOfOrder := p.braced()
		if !ok {
			if p.umode {
				p.fail(qstart, "incomplete quantifier")
			}
			return atom // Annex B: the '{' is a literal, parsed as the next atom
		}
		if outOfOrder {
			p.fail(qstart, "numbers out of order in {} quantifier")
		}
		lo, hi = l, h
		p.pos = end
	default:
		return atom
	}
	lazy := false
	if p.more() && p.src[p.pos] == '?' {
		lazy = true
		p.pos++
	}
	return &Node{Kind: KindQuantifier, Start: start, End: p.pos, Min: lo, Max: hi, Lazy: lazy, Children: []*Node{atom}}
}

func (p *parser) parseAtom() *Node {
	start := p.pos
	switch c := p.src[p.pos]; c {
	case '.':
		p.pos++
		set := dotSet
		if p.dotAll {
			set = anySet
		}
		return &Node{Kind: KindDot, Start: start, End: p.pos, Set: set}
	case '(':
		return p.parseGroup()
	case '[':
		if p.vmode {
			return p.parseClassV().node
		}
		return p.parseClass()
	case '\\':
		return p.parseAtomEscape()
	case '*', '+', '?':
		p.fail(start, "nothing to repeat")
	case '{':
		if p.umode {
			p.fail(start, "lone quantifier brackets")
		}
		if _, _, _, ok, _ := p.braced(); ok {
			p.fail(start, "nothing to repeat")
		}
		p.pos++
		return p.charNode(start, '{')
	case '}', ']':
		if p.umode {
			p.fail(start, "lone quantifier brackets")
		}
		p.pos++
		return p.charNode(start, rune(c))
	case ')':
		p.fail(start, "unmatched ')'")
	}
	r, size := utf8.DecodeRuneInString(p.src[p.pos:])
	p.pos += size
	return p.charNode(start, r)
}

func (p *parser) charNode(start int, r rune) *Node {
	set := runeSet(r)
	if p.icase {
		set = foldSet(set)
	}
	return &Node{Kind: KindChar, Start: start, End: p.pos, Rune: r, Set: set}
}

func (p *parser) parseGroup() *Node {
	start := p.pos
	p.enter(start)
	p.pos++
	n := &Node{Kind: KindGroup, Start: start}
	icase, dotAll, multiline := p.icase, p.dotAll, p.multiline
	switch {
	case p.at("?:"):
		p.pos += 2
	case p.at("?<"):
		p.pos += 2
		nameStart := p.pos
		n.Name = p.parseGroupName()
		p.checkDuplicateName(n.Name, nameStart)
		p.capIdx++
		n.Capture, n.Index = true, p.capIdx
	case p.at("?"):
		p.pos++
		p.parseModifiers(n, start)
	default:
		p.capIdx++
		n.Capture, n.Index = true, p.capIdx
	}
	body := p.parseDisjunction()
	if !p.more() || p.src[p.pos] != ')' {
		p.fail(start, "unterminated group")
	}
	p.pos++
	p.icase, p.dotAll, p.multiline = icase, dotAll, multiline
	p.leave()
	n.End = p.pos
	n.Children = []*Node{body}
	return n
}

// parseModifiers parses the "ims-ims:" of a (?ims-ims:...) group.
func (p *parser) parseModifiers(n *Node, start int) {
	seen := map[byte]bool{}
	modStart := p.pos
	var add, remove []byte
	dash := false
	for p.more() {
		c := p.src[p.pos]
		if c == ':' {
			break
		}
		switch {
		case c == '-' && !dash:
			dash = true
		case (c == 'i' || c == 'm' || c == 's') && !seen[c]:
			seen[c] = true
			if dash {
				remove = append(remove, c)
			} else {
				add = append(add, c)
			}
		default:
			p.fail(start, "invalid group")
		}
		p.pos++
	}
	if !p.more() || len(add)+len(remove) == 0 {
		p.fail(start, "invalid group")
	}
	n.Modifiers = p.src[modStart:p.pos]
	p.pos++ // ':'
	for _, c := range add {
		p.setModifier(c, true)
	}
	for _, c := range remove {
		p.setModifier(c, false)
	}
}

func (p *parser) setModifier(c byte, on bool) {
	switch c {
	case 'i':
		p.icase = on
	case 'm':
		p.multiline = on
	case 's':
		p.dotAll = on
	}
}

func (p *parser) parseLookaround() *Node {
	start := p.pos
	p.enter(start)
	n := &Node{Kind: KindLookaround, Start: start, Behind: p.at("(?<")}
	p.pos += 2
	if n.Behind {
		p.pos++
	}
	n.Negated = p.src[p.pos] == '!'
	p.pos++
	body := p.parseDisjunction()
	if !p.more() || p.src[p.pos] != ')' {
		p.fail(start, "unterminated group")
	}
	p.pos++
	p.leave()
	n.End = p.pos
	n.Children = []*Node{body}
	return n
}

// parseGroupName parses "name>" at p.pos (just after the '<').
func (p *parser) parseGroupName() string {
	name, end, msg := scanGroupName(p.src, p.pos)
	if msg != "" {
		p.fail(p.pos, msg)
	}
	p.pos = end
	return name
}

// scanGroupName scans a RegExpIdentifierName followed by '>' starting at i.
func scanGroupName(src string, i int) (name string, end int, errMsg string) {
	const bad = "invalid capture group name"
	var b strings.Builder
	for first := true; ; first = false {
		if i >= len(src) {
			return "", i, bad
		}
		if src[i] == '>' {
			if first {
				return "", i, bad
			}
			return b.String(), i + 1, ""
		}
		var r rune
		if src[i] == '\\' {
			if i+1 >= len(src) || src[i+1] != 'u' {
				return "", i, bad
			}
			var ok bool
			r, i, ok = scanUnicodeEscape(src, i+2, true, true)
			if !ok {
				return "", i, bad
			}
		} else {
			var size int
			r, size = utf8.DecodeRuneInString(src[i:])
			i += size
		}
		if first && !isIDStart(r) || !first && !isIDContinue(r) {
			return "", i, bad
		}
		b.WriteRune(r)
	}
}

// scanUnicodeEscape scans what follows "\u": four hex digits, or with braces
// a {hex} code point; with pairs a \uHIGH\uLOW surrogate pair is combined.
func scanUnicodeEscape(src string, i int, braces, pairs bool) (rune, int, bool) {
	if braces && i < len(src) && src[i] == '{' {
		j := i + 1
		v := 0
		for j < len(src) && isHex(src[j]) {
			v = v*16 + hexVal(src[j])
			if v > int(MaxRune) {
				return 0, i, false
			}
			j++
		}
		if j == i+1 || j >= len(src) || src[j] != '}' {
			return 0, i, false
		}
		return rune(v), j + 1, true
	}
	v, ok := hex4(src, i)
	if !ok {
		return 0, i, false
	}
	i += 4
	if pairs && v >= 0xD800 && v <= 0xDBFF && strings.HasPrefix(src[i:], `\u`) {
		if lo, ok := hex4(src, i+2); ok && lo >= 0xDC00 && lo <= 0xDFFF {
			return rune((v-0xD800)<<10 + (lo - 0xDC00) + 0x10000), i + 6, true
		}
	}
	return rune(v), i, true
}

func hex4(src string, i int) (int, bool) {
	if i+4 > len(src) {
		return 0, false
	}
	v := 0
	for k := i; k < i+4; k++ {
		if !isHex(src[k]) {
			return 0, false
		}
		v = v*16 + hexVal(src[k])
	}
	return v, true
}

func (p *parser) parseAtomEscape() *Node {
	start := p.pos
	p.pos++
	if !p.more() {
		p.fail(start, `\ at end of pattern`)
	}
	c := p.src[p.pos]
	switch {
	case c >= '1' && c <= '9':
		i := p.pos
		for i < len(p.src) && isDigit(p.src[i]) {
			i++
		}
		if n := atoiSat(p.src[p.pos:i]); n <= p.ncap {
			p.pos = i
			return &Node{Kind: KindBackref, Start: start, End: i, Index: n}
		}
		if p.umode {
			p.fail(start, "invalid escape")
		}
		if c >= '8' {
			p.pos++
			return p.charNode(start, rune(c))
		}
		r := p.legacyOctal()
		return p.charNode(start, r)
	case c == '0':
		if p.pos+1 < len(p.src) && isDigit(p.src[p.pos+1]) {
			if p.umode {
				p.fail(start, "invalid decimal escape")
			}
			r := p.legacyOctal()
			return p.charNode(start, r)
		}
		p.pos++
		return p.charNode(start, 0)
	case c == 'k':
		if p.umode || p.hasNames {
			p.pos++
			if !p.more() || p.src[p.pos] != '<' {
				p.fail(start, "invalid named reference")
			}
			p.pos++
			name := p.parseGroupName()
			idx, ok := p.names[name]
			if !ok {
				p.fail(start, "invalid named capture referenced")
			}
			return &Node{Kind: KindBackref, Start: start, End: p.pos, Name: name, Index: idx}
		}
		p.pos++
		return p.charNode(start, 'k')
	case strings.IndexByte("dDsSwW", c) >= 0:
		p.pos++
		return &Node{Kind: KindClassEscape, Start: start, End: p.pos, Escape: string(c), Negated: c < 'a', Set: escapeSet(c)}
	case (c == 'p' || c == 'P') && p.umode:
		n, _ := p.parsePropertyEscape(start)
		return n
	}
	r := p.parseCharacterEscape(false)
	return p.charNode(start, r)
}

// legacyOctal parses an Annex B LegacyOctalEscapeSequence at p.pos.
func (p *parser) legacyOctal() rune {
	v := 0
	limit := 3
	if p.src[p.pos] >= '4' {
		limit = 2
	}
	for k := 0; k < limit && p.more() && p.src[p.pos] >= '0' && p.src[p.pos] <= '7'; k++ {
		v = v*8 + int(p.src[p.pos]-'0')
		p.pos++
	}
	return rune(v)
}

// parseCharacterEscape parses a CharacterEscape (or an Annex B identity
// escape) after the backslash, at p.pos.
func (p *parser) parseCharacterEscape(inClass bool) rune {
	s := p.src
	c := s[p.pos]
	switch c {
	case 'f':
		p.pos++
		return '\f'
	case 'n':
		p.pos++
		return '\n'
	case 'r':
		p.pos++
		return '\r'
	case 't':
		p.pos++
		return '\t'
	case 'v':
		p.pos++
		return '\v'
	case 'c':
		if p.pos+1 < len(s) {
			d := s[p.pos+1]
			if d >= 'a' && d <= 'z' || d >= 'A' && d <= 'Z' || inClass && !p.umode && (isDigit(d) || d == '_') {
				p.pos += 2
				return rune(d % 32)
			}
		}
		if p.umode {
			p.fail(p.pos-1, "invalid unicode escape")
		}
		// Annex B: the backslash is a literal and "c" is parsed next.
		return '\\'
	case 'x':
		if p.pos+2 < len(s) && isHex(s[p.pos+1]) && isHex(s[p.pos+2]) {
			r := rune(hexVal(s[p.pos+1])*16 + hexVal(s[p.pos+2]))
			p.pos += 3
			return r
		}
		if p.umode {
			p.fail(p.pos-1, "invalid escape")
		}
		p.pos++
		return 'x'
	case 'u':
		if r, end, ok := scanUnicodeEscape(s, p.pos+1, p.umode, p.umode); ok {
			p.pos = end
			return r
		}
		if p.umode {
			p.fail(p.pos-1, "invalid unicode escape")
		}
		p.pos++
		return 'u'
	}
	if p.umode {
		if strings.IndexByte(`^$\.*+?()[]{}|/`, c) >= 0 || inClass && c == '-' {
			p.pos++
			return rune(c)
		}
		p.fail(p.pos-1, "invalid escape")
	}
	if c == 'k' && p.hasNames {
		p.fail(p.pos-1, "invalid escape")
	}
	r, size := utf8.DecodeRuneInString(s[p.pos:])
	p.pos += size
	return r
}

// parsePropertyEscape parses \p{...} or \P{...}; p.pos is at the p or P.
func (p *parser) parsePropertyEscape(start int) (*Node, bool) {
	neg := p.src[p.pos] == 'P'
	p.pos++
	if !p.more() || p.src[p.pos] != '{' {
		p.fail(start, "invalid property name")
	}
	j := p.pos + 1
	for j < len(p.src) && (isDigit(p.src[j]) || p.src[j] >= 'a' && p.src[j] <= 'z' || p.src[j] >= 'A' && p.src[j] <= 'Z' || p.src[j] == '_' || p.src[j] == '=') {
		j++
	}
	if j >= len(p.src) || p.src[j] != '}' {
		p.fail(start, "invalid property name")
	}
	set, strs, ok := propertySet(p.src[p.pos+1:j], p.vmode)
	if !ok || strs && neg {
		p.fail(start, "invalid property name")
	}
	p.pos = j + 1
	if p.icase {
		set = foldSet(set)
	}
	if neg {
		set = set.Negate()
	}
	return &Node{Kind: KindClassEscape, Start: start, End: p.pos, Escape: p.src[start+1 : p.pos], Negated: neg, Set: set}, strs
}

// parseClass parses a character class without the v flag.
func (p *parser) parseClass() *Node {
	start := p.pos
	p.pos++
	n := &Node{Kind: KindClass, Start: start}
	if p.more() && p.src[p.pos] == '^' {
		n.Negated = true
		p.pos++
	}
	for {
		if !p.more() {
			p.fail(start, "unterminated character class")
		}
		if p.src[p.pos] == ']' {
			p.pos++
			break
		}
		a := p.parseClassAtom()
		if p.pos+1 < len(p.src) && p.src[p.pos] == '-' && p.src[p.pos+1] != ']' {
			dash := p.pos
			p.pos++
			b := p.parseClassAtom()
			if a.Kind != KindChar || b.Kind != KindChar {
				if p.umode {
					p.fail(a.Start, "invalid character class")
				}
				// Annex B: [\d-z] is the union of \d, '-' and 'z'.
				d := &Node{Kind: KindChar, Start: dash, End: dash + 1, Rune: '-', Set: runeSet('-')}
				n.Children = append(n.Children, a, d, b)
				continue
			}
			n.Children = append(n.Children, p.rangeNode(a, b))
			continue
		}
		n.Children = append(n.Children, a)
	}
	n.End = p.pos
	var ranges []RuneRange
	for _, c := range n.Children {
		ranges = append(ranges, c.Set...)
	}
	n.Set = newSet(ranges...)
	if n.Negated {
		n.Set = n.Set.Negate()
	}
	return n
}

func (p *parser) rangeNode(a, b *Node) *Node {
	if a.Rune > b.Rune {
		p.fail(a.Start, "range out of order in character class")
	}
	set := newSet(RuneRange{a.Rune, b.Rune})
	if p.icase {
		set = foldSet(set)
	}
	return &Node{Kind: KindRange, Start: a.Start, End: b.End, Lo: a.Rune, Hi: b.Rune, Set: set}
}

// parseClassAtom parses one ClassAtom (without the v flag).
func (p *parser) parseClassAtom() *Node {
	start := p.pos
	if p.src[p.pos] != '\\' {
		r, size := utf8.DecodeRuneInString(p.src[p.pos:])
		p.pos += size
		return p.charNode(start, r)
	}
	p.pos++
	if !p.more() {
		p.fail(start, `\ at end of pattern`)
	}
	c := p.src[p.pos]
	switch {
	case c == 'b':
		p.pos++
		return p.charNode(start, '\b')
	case c == '-' && p.umode:
		p.pos++
		return p.charNode(start, '-')
	case strings.IndexByte("dDsSwW", c) >= 0:
		p.pos++
		return &Node{Kind: KindClassEscape, Start: start, End: p.pos, Escape: string(c), Negated: c < 'a', Set: escapeSet(c)}
	case (c == 'p' || c == 'P') && p.umode:
		n, _ := p.parsePropertyEscape(start)
		return n
	case c == '0' && !(p.pos+1 < len(p.src) && isDigit(p.src[p.pos+1])):
		p.pos++
		return p.charNode(start, 0)
	case isDigit(c):
		if p.umode {
			p.fail(start, "invalid class escape")
		}
		if c >= '8' {
			p.pos++
			return p.charNode(start, rune(c))
		}
		r := p.legacyOctal()
		return p.charNode(start, r)
	case c == 'k':
		if p.umode || p.hasNames {
			p.fail(start, "invalid escape")
		}
		p.pos++
		return p.charNode(start, 'k')
	}
	r := p.parseCharacterEscape(true)
	return p.charNode(start, r)
}

// classOperand is an operand of a v-flag class expression.
type classOperand struct {
	node   *Node
	single bool // a ClassSetCharacter (may start a range)
	mayStr bool // may match strings other than one character
}

// parseClassV parses a character class with the v flag (set notation).
func (p *parser) parseClassV() classOperand {
	start := p.pos
	p.enter(start)
	p.pos++
	n := &Node{Kind: KindClass, Start: start}
	if p.more() && p.src[p.pos] == '^' {
		n.Negated = true
		p.pos++
	}
	var set CharSet
	var strs []string
	mayStr := false
	if !p.at("]") {
		first := p.parseClassSetRangeOrOperand()
		switch {
		case p.at("&&") || p.at("--"):
			op := p.src[p.pos : p.pos+2]
			if first.node.Kind == KindRange {
				p.fail(p.pos, "invalid set operation in character class")
			}
			kind := KindIntersection
			if op == "--" {
				kind = KindSubtraction
			}
			expr := &Node{Kind: kind, Start: first.node.Start, Children: []*Node{first.node}}
			set, strs, mayStr = first.node.Set, first.node.Strings, first.mayStr
			for p.at(op) {
				p.pos += 2
				if op == "&&" && p.at("&") {
					p.fail(p.pos, "invalid set operation in character class")
				}
				o := p.parseClassSetOperand()
				if p.at("-") && !p.at("--") {
					p.fail(p.pos, "invalid set operation in character class")
				}
				expr.Children = append(expr.Children, o.node)
				if kind == KindIntersection {
					set = set.Intersect(o.node.Set)
					strs = intersectStrings(strs, o.node.Strings)
					mayStr = mayStr && o.mayStr
				} else {
					set = set.Subtract(o.node.Set)
					strs = subtractStrings(strs, o.node.Strings)
				}
			}
			if !p.at("]") {
				p.fail(p.pos, "invalid set operation in character class")
			}
			expr.End = p.pos
			expr.Set, expr.Strings = set, strs
			n.Children = []*Node{expr}
		default:
			items := []classOperand{first}
			for !p.at("]") {
				if !p.more() {
					p.fail(start, "unterminated character class")
				}
				if p.at("&&") || p.at("--") {
					p.fail(p.pos, "invalid set operation in character class")
				}
				items = append(items, p.parseClassSetRangeOrOperand())
			}
			var ranges []RuneRange
			for _, it := range items {
				n.Children = append(n.Children, it.node)
				ranges = append(ranges, it.node.Set...)
				strs = unionStrings(strs, it.node.Strings)
				mayStr = mayStr || it.mayStr
			}
			set = newSet(ranges...)
		}
	}
	p.pos++ // ']'
	p.leave()
	n.End = p.pos
	if n.Negated {
		if mayStr {
			p.fail(start, "negated character class may contain strings")
		}
		set = set.Negate()
		mayStr = false
	}
	n.Set, n.Strings = set, strs
	return classOperand{node: n, mayStr: mayStr}
}

func (p *parser) parseClassSetRangeOrOperand() classOperand {
	lo := p.parseClassSetOperand()
	if !lo.single || !p.at("-") || p.at("--") {
		return lo
	}
	p.pos++
	hi := p.parseClassSetOperand()
	if !hi.single {
		p.fail(hi.node.Start, "invalid character class")
	}
	return classOperand{node: p.rangeNode(lo.node, hi.node)}
}

// isDoublePunct reports a ClassSetReservedDoublePunctuator character.
func isDoublePunct(c byte) bool { return strings.IndexByte("&!#$%*+,.:;<=>?@^`~", c) >= 0 }

func (p *parser) parseClassSetOperand() classOperand {
	start := p.pos
	if !p.more() {
		p.fail(start, "unterminated character class")
	}
	c := p.src[p.pos]
	switch {
	case c == '[':
		return p.parseClassV()
	case c == '\\':
		if p.pos+1 >= len(p.src) {
			p.fail(start, `\ at end of pattern`)
		}
		d := p.src[p.pos+1]
		switch {
		case d == 'q':
			if !strings.HasPrefix(p.src[p.pos+2:], "{") {
				p.fail(start, "invalid escape")
			}
			return p.parseClassStrings()
		case strings.IndexByte("dDsSwW", d) >= 0:
			p.pos += 2
			return classOperand{node: &Node{Kind: KindClassEscape, Start: start, End: p.pos, Escape: string(d), Negated: d < 'a', Set: escapeSet(d)}}
		case d == 'p' || d == 'P':
			p.pos++
			n, strs := p.parsePropertyEscape(start)
			return classOperand{node: n, mayStr: strs}
		}
	case strings.IndexByte("()[]{}/-|", c) >= 0:
		p.fail(start, "invalid character in character class")
	case isDoublePunct(c) && p.pos+1 < len(p.src) && p.src[p.pos+1] == c:
		p.fail(start, "invalid set operation in character class")
	}
	r := p.parseClassSetCharacter()
	return classOperand{node: p.charNode(start, r), single: true}
}

// parseClassSetCharacter parses a ClassSetCharacter at p.pos.
func (p *parser) parseClassSetCharacter() rune {
	start := p.pos
	c := p.src[p.pos]
	if c != '\\' {
		if strings.IndexByte("()[]{}/-|", c) >= 0 {
			p.fail(start, "invalid character in character class")
		}
		if isDoublePunct(c) && p.pos+1 < len(p.src) && p.src[p.pos+1] == c {
			p.fail(start, "invalid set operation in character class")
		}
		r, size := utf8.DecodeRuneInString(p.src[p.pos:])
		p.pos += size
		return r
	}
	p.pos++
	if !p.more() {
		p.fail(start, `\ at end of pattern`)
	}
	d := p.src[p.pos]
	switch {
	case d == 'b':
		p.pos++
		return '\b'
	case strings.IndexByte("&-!#%,:;<=>@`~", d) >= 0:
		p.pos++
		return rune(d)
	case d == '0' && !(p.pos+1 < len(p.src) && isDigit(p.src[p.pos+1])):
		p.pos++
		return 0
	case isDigit(d) || d == 'k':
		p.fail(start, "invalid class escape")
	}
	return p.parseCharacterEscape(true)
}

// parseClassStrings parses \q{...} at p.pos.
func (p *parser) parseClassStrings() classOperand {
	start := p.pos
	p.pos += 3
	var set CharSet
	var strs []string
	mayStr := false
	var cur []rune
	flush := func() {
		if len(cur) == 1 {
			s := runeSet(cur[0])
			if p.icase {
				s = foldSet(s)
			}
			set = set.Union(s)
		} else {
			mayStr = true
			strs = unionStrings(strs, []string{string(cur)})
		}
		cur = cur[:0]
	}
	for {
		if !p.more() {
			p.fail(start, "unterminated class string disjunction")
		}
		switch p.src[p.pos] {
		case '}':
			flush()
			p.pos++
			return classOperand{node: &Node{Kind: KindClassStrings, Start: start, End: p.pos, Set: set, Strings: strs}, mayStr: mayStr}
		case '|':
			flush()
			p.pos++
		default:
			cur = append(cur, p.parseClassSetCharacter())
		}
	}
}

func unionStrings(a, b []string) []string {
	out := a
	for _, s := range b {
		if !containsString(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func intersectStrings(a, b []string) []string {
	var out []string
	for _, s := range a {
		if containsString(b, s) {
			out = append(out, s)
		}
	}
	return out
}

func subtractStrings(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !containsString(b, s) {
			out = append(out, s)
		}
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, t := range list {
		if t == s {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool { return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func hexVal(c byte) int {
	switch {
	case isDigit(c):
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	default:
		return int(c-'A') + 10
	}
}

// atoiSat converts decimal digits, saturating at maxCount.
func atoiSat(s string) int {
	v := 0
	for i := 0; i < len(s); i++ {
		v = v*10 + int(s[i]-'0')
		if v > maxCount {
			return maxCount
		}
	}
	return v
}
