package ormsynchronize

import (
	"regexp"
	"strings"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
)

// tri is a value in the production configuration: on, off, or unknown.
type tri uint8

const (
	unknown tri = iota
	on
	off
)

func not(t tri) tri {
	switch t {
	case on:
		return off
	case off:
		return on
	}
	return unknown
}

// evaluator decides what a configuration value or condition is when the
// app runs in production (NODE_ENV=production), from the source text,
// following constants across files.
type evaluator struct{ m *nest.Model }

var (
	cmpRe   = regexp.MustCompile(`^(.+?)\s*(===|!==|==|!=)\s*(.+)$`)
	strRe   = regexp.MustCompile(`^['"\x60]([^'"\x60]*)['"\x60]$`)
	identRe = regexp.MustCompile(`^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$`)
	envRe   = regexp.MustCompile(`(?i)(NODE_ENV|APP_ENV|ENVIRONMENT|\bSTAGE\b)`)
)

// envRelated reports whether a condition is about the environment.
func envRelated(s string) bool {
	l := strings.ToLower(s)
	return envRe.MatchString(s) || strings.Contains(l, "prod") || strings.Contains(l, "dev") || strings.Contains(l, "test") || strings.Contains(l, "local")
}

// splitTop splits s at top-level occurrences of op (outside quotes,
// parentheses, brackets and braces).
func splitTop(s, op string) []string {
	var parts []string
	depth, start := 0, 0
	var quote byte
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case quote != 0:
			if ch == '\\' {
				i++
			} else if ch == quote {
				quote = 0
			}
		case ch == '\'' || ch == '"' || ch == '`':
			quote = ch
		case ch == '(' || ch == '[' || ch == '{':
			depth++
		case ch == ')' || ch == ']' || ch == '}':
			depth--
		case depth == 0 && strings.HasPrefix(s[i:], op):
			parts = append(parts, s[start:i])
			i += len(op) - 1
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

func trimParens(s string) string {
	s = strings.TrimSpace(s)
	for len(s) >= 2 && s[0] == '(' && s[len(s)-1] == ')' && len(splitTop(s[1:len(s)-1], ")")) == 1 {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// ternary splits `c ? a : b` at the top level.
func ternary(s string) (c, a, b string, ok bool) {
	q := splitTop(s, "?")
	if len(q) < 2 || strings.HasPrefix(q[1], "?") || strings.HasPrefix(q[1], ".") {
		return "", "", "", false
	}
	rest := strings.Join(q[1:], "?")
	colon := splitTop(rest, ":")
	if len(colon) != 2 {
		return "", "", "", false
	}
	return q[0], colon[0], colon[1], true
}

// cond evaluates a condition's truth in production.
func (e *evaluator) cond(fi nest.FileID, s string, depth int) tri {
	if depth > 8 {
		return unknown
	}
	s = trimParens(s)
	if c, a, b, ok := ternary(s); ok {
		return e.pick(fi, c, a, b, depth)
	}
	if parts := splitTop(s, "||"); len(parts) > 1 {
		res := off
		for _, p := range parts {
			switch e.cond(fi, p, depth+1) {
			case on:
				return on
			case unknown:
				res = unknown
			}
		}
		return res
	}
	if parts := splitTop(s, "&&"); len(parts) > 1 {
		res := on
		for _, p := range parts {
			switch e.cond(fi, p, depth+1) {
			case off:
				return off
			case unknown:
				res = unknown
			}
		}
		return res
	}
	if strings.HasPrefix(s, "!") && !strings.HasPrefix(s, "!=") {
		return not(e.cond(fi, s[1:], depth+1))
	}
	if mm := cmpRe.FindStringSubmatch(s); mm != nil {
		left, op, right := strings.TrimSpace(mm[1]), mm[2], strings.TrimSpace(mm[3])
		str, other := "", ""
		if sm := strRe.FindStringSubmatch(right); sm != nil {
			str, other = sm[1], left
		} else if sm := strRe.FindStringSubmatch(left); sm != nil {
			str, other = sm[1], right
		} else {
			return unknown
		}
		if !e.envExpr(fi, other, depth) {
			return unknown
		}
		prod := str == "production" || str == "prod" || str == "live"
		eq := op == "===" || op == "=="
		if prod == eq {
			return on
		}
		return off
	}
	switch s {
	case "true":
		return on
	case "false":
		return off
	}
	if identRe.MatchString(s) {
		if !strings.Contains(s, ".") {
			if v, vf, ok := e.constant(fi, s); ok {
				return e.value(vf, v, depth+1)
			}
		}
		return nameTruth(s)
	}
	return unknown
}

func (e *evaluator) pick(fi nest.FileID, c, a, b string, depth int) tri {
	switch e.cond(fi, c, depth+1) {
	case on:
		return e.cond(fi, a, depth+1)
	case off:
		return e.cond(fi, b, depth+1)
	}
	if ta, tb := e.cond(fi, a, depth+1), e.cond(fi, b, depth+1); ta == tb {
		return ta
	}
	return unknown
}

// nameTruth reads a boolean flag by its conventional name: isProd,
// IS_PRODUCTION; isDev, isTest, isLocal.
func nameTruth(s string) tri {
	if i := strings.LastIndexByte(s, '.'); i >= 0 {
		s = s[i+1:]
	}
	l := strings.ToLower(s)
	if !strings.HasPrefix(l, "is") && !strings.HasPrefix(l, "in") {
		return unknown
	}
	switch {
	case strings.Contains(l, "prod"):
		return on
	case strings.Contains(l, "dev"), strings.Contains(l, "test"), strings.Contains(l, "local"):
		return off
	}
	return unknown
}

// envExpr reports whether an expression reads the environment name:
// process.env.NODE_ENV, config.get('NODE_ENV'), or a constant holding one.
func (e *evaluator) envExpr(fi nest.FileID, s string, depth int) bool {
	if envRe.MatchString(s) {
		return true
	}
	if identRe.MatchString(s) && !strings.Contains(s, ".") && depth < 8 {
		if v, vf, ok := e.constant(fi, s); ok {
			return e.envExpr(vf, e.text(vf, v), depth+1)
		}
	}
	return false
}

// constant resolves a top-level const of file fi (or imported into it).
func (e *evaluator) constant(fi nest.FileID, name string) (parser.Value, nest.FileID, bool) {
	d := e.m.ResolveTop(fi, name)
	if d.Kind != nest.DeclVar || d.Index < 0 {
		return parser.Value{}, 0, false
	}
	l := &e.m.Files[d.File].Facts.Locals[d.Index]
	if !l.HasValue || l.Kind != "const" {
		return parser.Value{}, 0, false
	}
	return l.Value, d.File, true
}

func (e *evaluator) text(fi nest.FileID, v parser.Value) string {
	src := e.m.Files[fi].Source()
	if int(v.End) > len(src) || v.Start > v.End {
		return ""
	}
	return string(src[v.Start:v.End])
}

// value evaluates a configuration value in production.
func (e *evaluator) value(fi nest.FileID, v parser.Value, depth int) tri {
	if depth > 8 {
		return unknown
	}
	switch v.Kind {
	case parser.VBool:
		if v.Text == "true" {
			return on
		}
		return off
	case parser.VNull, parser.VString, parser.VObject, parser.VArray:
		return unknown
	case parser.VIdent:
		if !strings.Contains(v.Text, ".") {
			if c, cf, ok := e.constant(fi, v.Text); ok {
				return e.value(cf, c, depth+1)
			}
		}
	}
	return e.cond(fi, e.text(fi, v), depth+1)
}

// inProduction says whether the code at span runs in production, judging
// the if and ?: arms around it; an arm under an environment condition
// that cannot be decided counts as not proven.
func (e *evaluator) inProduction(fi nest.FileID, span parser.Span) bool {
	for _, b := range e.m.Files[fi].Facts.Branches {
		if b.Start > span.Start || span.End > b.End {
			continue
		}
		t := e.cond(fi, b.Cond, 0)
		if b.Else {
			t = not(t)
		}
		if t == off || (t == unknown && envRelated(b.Cond)) {
			return false
		}
	}
	return true
}
