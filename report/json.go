package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// JSONVersion is the version of the JSON output shape. It changes only
// when a field is removed or changes meaning; new fields may be added
// without a bump.
const JSONVersion = 1

// JSON writes a Run as one JSON document, indented, ending in a newline:
//
//	{
//	  "version": 1,
//	  "tool": {"name": "nestlint", "version": "0.3.0"},
//	  "diagnostics": [
//	    {
//	      "rule": "event-loop/sync-io",
//	      "severity": "error",            // "error", "warning" or "note"
//	      "message": "readFileSync blocks the event loop",
//	      "file": "src/users/users.service.ts",  // repository-relative, '/'
//	      "line": 9, "column": 5, "endLine": 9, "endColumn": 17,
//	      "path": [{"file": "...", "line": 3, "column": 3, "label": "UsersController.findAll"}],
//	      "related": [{"file": "...", "line": 1, "column": 1, "endLine": 1, "endColumn": 9, "message": "..."}],
//	      "fixes": [{"message": "...", "edits": [{"file": "...", "line": 1, "column": 1, "endLine": 1, "endColumn": 1, "newText": "..."}]}],
//	      "suppressed": false,
//	      "justification": "...",         // only when suppressed with a reason
//	      "baselineState": "new"          // only when a baseline was used
//	    }
//	  ],
//	  "notices": [{"level": "error", "message": "...", "file": "...", "line": 3, "column": 7, "rule": "..."}]
//	}
//
// Lines and columns are 1-based; columns count UTF-16 code units (see
// Lines) and end columns are exclusive. "diagnostics", "notices", "path",
// "related", "fixes" and "edits" are always arrays, never null. Suppressed
// findings are included with "suppressed": true. In a notice, "file",
// "line", "column" and "rule" are present only when known. report/JSON.md
// describes the same shape for users.
type JSON struct{}

var _ Formatter = JSON{}

type jsonLog struct {
	Version     int              `json:"version"`
	Tool        jsonTool         `json:"tool"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
	Notices     []jsonNotice     `json:"notices"`
}

type jsonTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

type jsonDiagnostic struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Message  string `json:"message"`
	jsonRange
	Path          []jsonStep    `json:"path"`
	Related       []jsonRelated `json:"related"`
	Fixes         []jsonFix     `json:"fixes"`
	Suppressed    bool          `json:"suppressed"`
	Justification string        `json:"justification,omitempty"`
	BaselineState string        `json:"baselineState,omitempty"`
}

type jsonRange struct {
	File      string `json:"file"`
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
}

type jsonStep struct {
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Label  string `json:"label"`
}

type jsonRelated struct {
	jsonRange
	Message string `json:"message"`
}

type jsonFix struct {
	Message string     `json:"message"`
	Edits   []jsonEdit `json:"edits"`
}

type jsonEdit struct {
	jsonRange
	NewText string `json:"newText"`
}

type jsonNotice struct {
	Level   string `json:"level"`
	Message string `json:"message"`
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Rule    string `json:"rule,omitempty"`
}

// Format writes r as JSON.
func (JSON) Format(w io.Writer, r *Run) error {
	src := newSources(r.Source)
	rng := func(file string, start, end int) jsonRange {
		sp := src.span(file, start, end)
		return jsonRange{File: file, Line: sp.StartLine, Column: sp.StartColumn, EndLine: sp.EndLine, EndColumn: sp.EndColumn}
	}
	out := jsonLog{
		Version:     JSONVersion,
		Tool:        jsonTool{Name: toolName(r), Version: r.Version},
		Diagnostics: make([]jsonDiagnostic, 0, len(r.Diagnostics)),
		Notices:     make([]jsonNotice, 0, len(r.Notices)),
	}
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		jd := jsonDiagnostic{
			Rule:          d.RuleID,
			Severity:      d.Severity.String(),
			Message:       d.Message,
			jsonRange:     rng(d.File, d.Start, d.End),
			Path:          make([]jsonStep, 0, len(d.Path)),
			Related:       make([]jsonRelated, 0, len(d.Related)),
			Fixes:         make([]jsonFix, 0, len(d.Fixes)),
			Suppressed:    d.Suppressed,
			Justification: d.Justification,
			BaselineState: d.BaselineState,
		}
		for _, p := range d.Path {
			line, col := src.pos(p.File, p.Start)
			jd.Path = append(jd.Path, jsonStep{File: p.File, Line: line, Column: col, Label: p.Message})
		}
		for _, rl := range d.Related {
			jd.Related = append(jd.Related, jsonRelated{jsonRange: rng(rl.File, rl.Start, rl.End), Message: rl.Message})
		}
		for _, f := range d.Fixes {
			jf := jsonFix{Message: f.Message, Edits: make([]jsonEdit, 0, len(f.Edits))}
			for _, e := range f.Edits {
				jf.Edits = append(jf.Edits, jsonEdit{jsonRange: rng(e.File, e.Start, e.End), NewText: e.NewText})
			}
			jd.Fixes = append(jd.Fixes, jf)
		}
		out.Diagnostics = append(out.Diagnostics, jd)
	}
	for _, n := range r.Notices {
		jn := jsonNotice{Level: noticeLevel(n.Level), Message: n.Message, File: n.File, Rule: n.RuleID}
		if n.File != "" && n.Start >= 0 && src.file(n.File).ok {
			jn.Line, jn.Column = src.pos(n.File, n.Start)
		}
		out.Notices = append(out.Notices, jn)
	}
	return encodeJSON(w, out)
}

// encodeJSON writes v indented by two spaces, with a final newline and
// without escaping <, > and & (messages quote TypeScript generics). DEL and
// the bidirectional controls, which encoding/json leaves raw, are escaped
// too (\u007f, \u202e...): a file name or message holding them must not
// reorder or hide text where the report is shown. They can only occur
// inside JSON strings, so the replacement is safe on the encoded bytes.
func encodeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(escapeInvisible(b.Bytes()))
	return err
}

// escapeInvisible replaces DEL and the Unicode bidirectional controls
// (U+202A–U+202E, U+2066–U+2069) in encoded JSON by their \u escapes.
func escapeInvisible(b []byte) []byte {
	if !bytes.ContainsAny(b, "\x7f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069") {
		return b
	}
	var out bytes.Buffer
	out.Grow(len(b) + 16)
	for _, r := range string(b) {
		switch {
		case r == 0x7f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			fmt.Fprintf(&out, "\\u%04x", r)
		default:
			out.WriteRune(r)
		}
	}
	return out.Bytes()
}

func toolName(r *Run) string {
	if r.Tool == "" {
		return "nestlint"
	}
	return r.Tool
}
