package regex

import (
	"sort"
	"strings"
)

// MaxRune is the largest code point a pattern can match.
const MaxRune rune = 0x10FFFF

// RuneRange is an inclusive range of code points.
type RuneRange struct {
	Lo, Hi rune
}

// CharSet is a set of code points: sorted, non-overlapping, non-adjacent
// ranges. The zero value is the empty set. CharSet values are never mutated
// after construction, so they may be shared.
type CharSet []RuneRange

// newSet builds a normalized set from arbitrary ranges. Ranges with Lo > Hi
// are ignored; values are clamped to [0, MaxRune].
func newSet(rs ...RuneRange) CharSet {
	buf := make([]RuneRange, 0, len(rs))
	for _, r := range rs {
		if r.Lo < 0 {
			r.Lo = 0
		}
		if r.Hi > MaxRune {
			r.Hi = MaxRune
		}
		if r.Lo <= r.Hi {
			buf = append(buf, r)
		}
	}
	return normalize(buf)
}

// runeSet is the set holding the given code points.
func runeSet(rs ...rune) CharSet {
	buf := make([]RuneRange, 0, len(rs))
	for _, r := range rs {
		buf = append(buf, RuneRange{r, r})
	}
	return newSet(buf...)
}

func normalize(buf []RuneRange) CharSet {
	if len(buf) == 0 {
		return nil
	}
	sort.Slice(buf, func(i, j int) bool { return buf[i].Lo < buf[j].Lo })
	out := buf[:1]
	for _, r := range buf[1:] {
		last := &out[len(out)-1]
		if r.Lo <= last.Hi+1 {
			if r.Hi > last.Hi {
				last.Hi = r.Hi
			}
			continue
		}
		out = append(out, r)
	}
	return CharSet(out)
}

// IsEmpty reports whether the set holds no code point.
func (s CharSet) IsEmpty() bool { return len(s) == 0 }

// Contains reports whether r is in the set.
func (s CharSet) Contains(r rune) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i].Hi >= r })
	return i < len(s) && s[i].Lo <= r
}

// Union returns s ∪ t.
func (s CharSet) Union(t CharSet) CharSet {
	if len(s) == 0 {
		return t
	}
	if len(t) == 0 {
		return s
	}
	buf := make([]RuneRange, 0, len(s)+len(t))
	buf = append(buf, s...)
	buf = append(buf, t...)
	return normalize(buf)
}

// Intersect returns s ∩ t.
func (s CharSet) Intersect(t CharSet) CharSet {
	var out []RuneRange
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		lo := max(s[i].Lo, t[j].Lo)
		hi := min(s[i].Hi, t[j].Hi)
		if lo <= hi {
			out = append(out, RuneRange{lo, hi})
		}
		if s[i].Hi < t[j].Hi {
			i++
		} else {
			j++
		}
	}
	return CharSet(out)
}

// Intersects reports whether s ∩ t is not empty.
func (s CharSet) Intersects(t CharSet) bool {
	i, j := 0, 0
	for i < len(s) && j < len(t) {
		if max(s[i].Lo, t[j].Lo) <= min(s[i].Hi, t[j].Hi) {
			return true
		}
		if s[i].Hi < t[j].Hi {
			i++
		} else {
			j++
		}
	}
	return false
}

// Negate returns the complement of s within [0, MaxRune].
func (s CharSet) Negate() CharSet {
	var out []RuneRange
	next := rune(0)
	for _, r := range s {
		if r.Lo > next {
			out = append(out, RuneRange{next, r.Lo - 1})
		}
		next = r.Hi + 1
	}
	if next <= MaxRune {
		out = append(out, RuneRange{next, MaxRune})
	}
	return CharSet(out)
}

// Subtract returns s ∖ t.
func (s CharSet) Subtract(t CharSet) CharSet { return s.Intersect(t.Negate()) }

// SubsetOf reports whether every code point of s is in t.
func (s CharSet) SubsetOf(t CharSet) bool { return s.Subtract(t).IsEmpty() }

// Size is the number of code points in the set.
func (s CharSet) Size() int {
	n := 0
	for _, r := range s {
		n += int(r.Hi-r.Lo) + 1
	}
	return n
}

// String renders the set in character-class syntax, e.g. "[0-9a-f]".
func (s CharSet) String() string {
	var b strings.Builder
	b.WriteByte('[')
	for _, r := range s {
		b.WriteString(classRune(r.Lo))
		if r.Hi > r.Lo {
			if r.Hi > r.Lo+1 {
				b.WriteByte('-')
			}
			b.WriteString(classRune(r.Hi))
		}
	}
	b.WriteByte(']')
	return b.String()
}

func classRune(r rune) string {
	switch {
	case r == '\\' || r == ']' || r == '[' || r == '-' || r == '^':
		return `\` + string(r)
	case r >= 0x20 && r < 0x7f:
		return string(r)
	case r <= 0xff:
		return `\x` + hex(int(r), 2)
	case r <= 0xffff:
		return `\u` + hex(int(r), 4)
	default:
		return `\u{` + hex(int(r), 0) + `}`
	}
}

func hex(v, width int) string {
	const digits = "0123456789ABCDEF"
	var buf [8]byte
	i := len(buf)
	for v > 0 || i == len(buf) || len(buf)-i < width {
		i--
		buf[i] = digits[v&0xf]
		v >>= 4
	}
	return string(buf[i:])
}

// pickRune chooses a representative of s, preferring characters that read
// well in an attack string: 'a', then lower-case letters, digits, upper-case
// letters, other printable ASCII, and finally the smallest member.
func (s CharSet) pickRune() (rune, bool) {
	if len(s) == 0 {
		return 0, false
	}
	for _, span := range [...]RuneRange{{'a', 'z'}, {'0', '9'}, {'A', 'Z'}, {'!', '~'}, {' ', ' '}} {
		if c := s.Intersect(CharSet{span}); len(c) > 0 {
			return c[0].Lo, true
		}
	}
	return s[0].Lo, true
}
