package report

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/nestlint/nestlint/rules/lint"
)

// UnusedDisableID is the rule that reports directives that are malformed
// (no reason, unknown rule id) or suppress nothing.
const UnusedDisableID = "nestlint/unused-disable"

// DirectiveKind is the form of an inline suppression comment.
type DirectiveKind int

// Directive kinds.
const (
	DisableNextLine DirectiveKind = iota // nestlint-disable-next-line: the line after the comment
	DisableLine                          // nestlint-disable-line: the comment's own line
	Disable                              // nestlint-disable: until nestlint-enable or the end of the file
	Enable                               // nestlint-enable: ends earlier nestlint-disable ranges
)

// keywords, longest first so that a prefix never shadows a longer keyword.
var keywords = []struct {
	word string
	kind DirectiveKind
}{
	{"nestlint-disable-next-line", DisableNextLine},
	{"nestlint-disable-line", DisableLine},
	{"nestlint-disable", Disable},
	{"nestlint-enable", Enable},
}

// Keyword returns the comment keyword of k.
func (k DirectiveKind) Keyword() string {
	for _, kw := range keywords {
		if kw.kind == k {
			return kw.word
		}
	}
	return "nestlint-?"
}

// Directive is one parsed suppression comment.
type Directive struct {
	Kind      DirectiveKind
	IDs       []string // empty: every rule
	Reason    string   // the text after "--", trimmed
	HasReason bool
}

var reasonSep = regexp.MustCompile(`(?:^|\s)--+(?:\s|$)`)

// ParseDirective parses the text of a comment ("// ..." or "/* ... */").
// ok is false when the comment is not a directive (it merely mentions
// nestlint, or a keyword is followed by something other than a space).
func ParseDirective(comment string) (d Directive, ok bool) {
	s := strings.TrimSpace(comment)
	switch {
	case strings.HasPrefix(s, "//"):
		s = s[2:]
	case strings.HasPrefix(s, "/*"):
		s = strings.TrimSuffix(s[2:], "*/")
		s = strings.TrimLeft(s, "*")
	default:
		return d, false
	}
	s = strings.TrimSpace(s)
	for _, kw := range keywords {
		rest, found := strings.CutPrefix(s, kw.word)
		if !found {
			continue
		}
		if rest != "" && rest[0] != ' ' && rest[0] != '\t' && rest[0] != '\n' && rest[0] != '\r' {
			return d, false
		}
		d.Kind = kw.kind
		if loc := reasonSep.FindStringIndex(rest); loc != nil {
			d.Reason = strings.Join(strings.Fields(rest[loc[1]:]), " ")
			d.HasReason = d.Reason != ""
			rest = rest[:loc[0]]
		}
		d.IDs = strings.FieldsFunc(rest, func(r rune) bool {
			return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
		})
		return d, true
	}
	return d, false
}

// Comment is a source comment that may hold a directive: its text and byte
// range in its file.
type Comment struct {
	Text       string
	Start, End int
}

// Suppressor is the Filter that applies inline directives: it marks the
// diagnostics they silence Suppressed (with the reason as Justification)
// and, when ReportUnused is set, adds a nestlint/unused-disable finding for
// every directive without a reason, naming an unknown rule, or silencing
// nothing.
type Suppressor struct {
	Comments map[string][]Comment // by file, named as in Location.File
	Source   func(file string) ([]byte, bool)
	// Rules are the known rule ids; a family wildcard "family/*" is known
	// when a rule id starts with "family/".
	Rules        []string
	ReportUnused bool
	Severity     lint.Severity // of the added findings; Warning when Off
	// Off, when set, reports whether a known rule is turned off for a
	// file: a directive naming it is then accepted silently (never
	// "unused"), since the rule may be turned on again.
	Off func(file, id string) bool
	// FileSeverity, when set, is the severity of the added findings in a
	// file (Off: none are added there); it overrides Severity.
	FileSeverity func(file string) lint.Severity
}

// off reports whether id (a rule id or a family wildcard) is off for file.
func (s *Suppressor) off(file, id string) bool {
	if s.Off == nil || id == "" {
		return false
	}
	fam, ok := strings.CutSuffix(id, "/*")
	if !ok {
		return s.Off(file, id)
	}
	for _, r := range s.Rules {
		if strings.HasPrefix(r, fam+"/") && !s.Off(file, r) {
			return false
		}
	}
	return true
}

// Name implements Filter.
func (s *Suppressor) Name() string { return "suppressions" }

// scope is one rule id (or "" for all) silenced by one directive over a
// line range or a byte range.
type scope struct {
	dir      *Directive
	comment  Comment
	id       string
	fromLine int // inclusive; 0 when the scope is a byte range
	toLine   int
	fromOff  int // byte range [fromOff, toOff)
	toOff    int
	used     bool
	known    bool
	off      bool // the rule is off for the file: never reported unused
}

func (s *Suppressor) known(id string) bool {
	if fam, ok := strings.CutSuffix(id, "/*"); ok {
		for _, r := range s.Rules {
			if strings.HasPrefix(r, fam+"/") {
				return true
			}
		}
		return false
	}
	return slices.Contains(s.Rules, id)
}

func matches(pattern, id string) bool {
	if pattern == "" || pattern == id {
		return true
	}
	fam, ok := strings.CutSuffix(pattern, "/*")
	return ok && strings.HasPrefix(id, fam+"/")
}

// Apply implements Filter.
func (s *Suppressor) Apply(ds []Diagnostic) ([]Diagnostic, error) {
	files := make([]string, 0, len(s.Comments))
	for f := range s.Comments {
		files = append(files, f)
	}
	slices.Sort(files)
	var added []Diagnostic
	for _, file := range files {
		src, _ := s.Source(file)
		lines := NewLines(src)
		scopes, extra := s.scopes(file, s.Comments[file], lines, len(src))
		added = append(added, extra...)
		if len(scopes) == 0 {
			continue
		}
		for i := range ds {
			d := &ds[i]
			if d.File != file || d.RuleID == UnusedDisableID {
				continue
			}
			line := lines.Line(d.Start)
			for _, sc := range scopes {
				if !sc.known || !matches(sc.id, d.RuleID) {
					continue
				}
				in := line >= sc.fromLine && line <= sc.toLine
				if sc.fromLine == 0 {
					in = d.Start >= sc.fromOff && d.Start < sc.toOff
				}
				if !in {
					continue
				}
				sc.used = true
				if !d.Suppressed {
					d.Suppressed = true
					d.Justification = sc.dir.Reason
				} else if d.Justification == "" {
					d.Justification = sc.dir.Reason
				}
			}
		}
		// A directive is unused when none of its ids silenced anything.
		for _, sc := range scopes {
			if sc.known && !sc.used && !sc.off {
				what := "finding"
				if sc.id != "" {
					what = "`" + sc.id + "` finding"
				}
				added = append(added, s.finding(file, sc.comment,
					fmt.Sprintf("unused `%s` directive: there is no %s to suppress here", sc.dir.Kind.Keyword(), what)))
			}
		}
	}
	if s.ReportUnused {
		for _, d := range added {
			if s.FileSeverity != nil {
				if d.Severity = s.FileSeverity(d.File); d.Severity == lint.Off {
					continue
				}
			}
			ds = append(ds, d)
		}
	}
	return ds, nil
}

func (s *Suppressor) finding(file string, c Comment, msg string) Diagnostic {
	sev := s.Severity
	if sev == lint.Off {
		sev = lint.Warning
	}
	return Diagnostic{RuleID: UnusedDisableID, Severity: sev, Message: msg,
		Location: Location{File: file, Start: c.Start, End: c.End}}
}

// scopes parses the directives of one file into scopes, and returns the
// findings for malformed directives.
func (s *Suppressor) scopes(file string, comments []Comment, lines *Lines, size int) ([]*scope, []Diagnostic) {
	comments = slices.Clone(comments)
	slices.SortFunc(comments, func(a, b Comment) int { return a.Start - b.Start })
	type parsed struct {
		d Directive
		c Comment
	}
	var dirs []parsed
	var bad []Diagnostic
	for _, c := range comments {
		d, ok := ParseDirective(c.Text)
		if !ok {
			continue
		}
		dirs = append(dirs, parsed{d, c})
		if d.Kind != Enable && !d.HasReason {
			bad = append(bad, s.finding(file, c, fmt.Sprintf(
				"%s directive without a reason: explain it after \" -- \"", d.Kind.Keyword())))
		}
		for _, id := range d.IDs {
			if !s.known(id) {
				bad = append(bad, s.finding(file, c, fmt.Sprintf("unknown rule id %q in %s directive", id, d.Kind.Keyword())))
			}
		}
	}
	var out []*scope
	for i := range dirs {
		p := &dirs[i]
		if p.d.Kind == Enable {
			continue
		}
		ids := p.d.IDs
		if len(ids) == 0 {
			ids = []string{""}
		}
		for _, id := range ids {
			sc := &scope{dir: &p.d, comment: p.c, id: id, known: id == "" || s.known(id), off: s.off(file, id)}
			switch p.d.Kind {
			case DisableNextLine:
				l := lines.Line(p.c.End) + 1
				sc.fromLine, sc.toLine = l, l
			case DisableLine:
				sc.fromLine, sc.toLine = lines.Line(p.c.Start), lines.Line(p.c.End)
			case Disable:
				sc.fromOff, sc.toOff = p.c.End, size+1
				for _, q := range dirs[i+1:] {
					if q.d.Kind == Enable && (len(q.d.IDs) == 0 || slices.Contains(q.d.IDs, id)) {
						sc.toOff = q.c.Start
						break
					}
				}
			}
			out = append(out, sc)
		}
	}
	return out, bad
}
