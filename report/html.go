package report

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"html/template"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/nestlint/nestlint/rules/lint"
)

// HTML writes one self-contained HTML page for a person to open in a
// browser: no network access, no CDN, no external script; the CSS and the
// small hand-written script are inline. The page shows
//
//   - a summary: findings by severity and by rule family;
//   - the findings grouped by rule and, in a second tab, by file, each with
//     its code snippet and its request path drawn step by step (entry
//     point first, each step with its file, line and code);
//   - when r.Graph is set, the module graph: modules laid out in columns
//     by import depth (the root module left), collapsed to one line each
//     by default so that a 60-module app stays readable; a module expands
//     to its providers with their scopes, controllers and entry points;
//     request-scoped providers and the chain that makes them so are
//     highlighted; a filter shows one module and its neighbours.
//
// The run is embedded as JSON in a <script type="application/json">
// element, with <, > and & written as \u003c, \u003e and \u0026, so that
// no message or path can close the element. The script renders it with
// textContent only (never innerHTML of data). Suppressed findings are
// listed apart, with their justification.
type HTML struct{}

var _ Formatter = HTML{}

//go:embed html/report.css
var htmlCSS string

//go:embed html/report.js
var htmlJS string

// HTMLData is the JSON document the HTML page embeds (exported for tests
// and for tools that want to post-process a report).
type HTMLData struct {
	Tool        string        `json:"tool"`
	Version     string        `json:"version"`
	FilesLinted int           `json:"filesLinted"`
	Counts      htmlCounts    `json:"counts"`
	Families    []htmlFamily  `json:"families"`
	Rules       []htmlRule    `json:"rules"`
	Findings    []htmlFinding `json:"findings"`
	Notices     []htmlNotice  `json:"notices"`
	Graph       *ModuleGraph  `json:"graph"`
}

type htmlCounts struct {
	Error      int `json:"error"`
	Warning    int `json:"warning"`
	Note       int `json:"note"`
	Suppressed int `json:"suppressed"`
}

type htmlFamily struct {
	Name string `json:"name"`
	htmlCounts
}

type htmlRule struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Severity string `json:"severity"`
	Help     string `json:"help,omitempty"`
}

type htmlFinding struct {
	Rule          string      `json:"rule"`
	Severity      string      `json:"severity"`
	Message       string      `json:"message"`
	File          string      `json:"file"`
	Line          int         `json:"line"`
	Column        int         `json:"column"`
	EndLine       int         `json:"endLine"`
	Snippet       htmlSnippet `json:"snippet"`
	Path          []htmlStep  `json:"path"`
	Suppressed    bool        `json:"suppressed,omitempty"`
	Justification string      `json:"justification,omitempty"`
}

type htmlSnippet struct {
	Start int      `json:"start"` // line number of Lines[0]
	Lines []string `json:"lines"`
}

type htmlStep struct {
	Label  string `json:"label"`
	File   string `json:"file"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Code   string `json:"code"`
}

type htmlNotice struct {
	Level   string `json:"level"`
	Message string `json:"message"`
	File    string `json:"file,omitempty"`
}

// Snippet limits.
const (
	snippetContext  = 2   // lines before and after the finding
	snippetMaxLines = 12  // lines in all
	snippetMaxRunes = 240 // per line
)

// NewHTMLData builds the document the HTML page embeds.
func NewHTMLData(r *Run) *HTMLData {
	src := newSources(r.Source)
	d := &HTMLData{Tool: toolName(r), Version: r.Version, FilesLinted: r.FilesLinted, Graph: r.Graph,
		Families: []htmlFamily{}, Rules: []htmlRule{}, Findings: []htmlFinding{}, Notices: []htmlNotice{}}
	fam := map[string]*htmlFamily{}
	used := map[string]bool{}
	for i := range r.Diagnostics {
		dg := &r.Diagnostics[i]
		sp := src.span(dg.File, dg.Start, dg.End)
		f := htmlFinding{Rule: dg.RuleID, Severity: dg.Severity.String(), Message: EscapeControls(dg.Message),
			File: EscapeControls(dg.File), Line: sp.StartLine, Column: sp.StartColumn, EndLine: sp.EndLine,
			Snippet: snippet(src.file(dg.File), sp.StartLine, sp.EndLine), Path: []htmlStep{},
			Suppressed: dg.Suppressed, Justification: EscapeControls(dg.Justification)}
		for _, p := range dg.Path {
			l, c := src.pos(p.File, p.Start)
			code := ""
			if s := snippet(src.file(p.File), l, l); len(s.Lines) > 0 {
				code = strings.TrimSpace(s.Lines[l-s.Start])
			}
			f.Path = append(f.Path, htmlStep{Label: EscapeControls(stepLabel(p)), File: EscapeControls(p.File), Line: l, Column: c, Code: code})
		}
		d.Findings = append(d.Findings, f)
		used[dg.RuleID] = true
		name, _, _ := strings.Cut(dg.RuleID, "/")
		fm := fam[name]
		if fm == nil {
			fm = &htmlFamily{Name: name}
			fam[name] = fm
		}
		for _, c := range []*htmlCounts{&d.Counts, &fm.htmlCounts} {
			switch {
			case dg.Suppressed:
				c.Suppressed++
			case dg.Severity == lint.Error:
				c.Error++
			case dg.Severity == lint.Warning:
				c.Warning++
			default:
				c.Note++
			}
		}
	}
	for _, f := range fam {
		d.Families = append(d.Families, *f)
	}
	slices.SortFunc(d.Families, func(a, b htmlFamily) int { return strings.Compare(a.Name, b.Name) })
	for _, rl := range r.Rules {
		if used[rl.ID] {
			d.Rules = append(d.Rules, htmlRule{ID: rl.ID, Title: rl.Doc.Title, Severity: rl.Severity.String(), Help: rl.HelpURL()})
			delete(used, rl.ID)
		}
	}
	for _, id := range sortedKeys(used) { // findings of rules not in r.Rules
		d.Rules = append(d.Rules, htmlRule{ID: id})
	}
	for _, n := range r.Notices {
		d.Notices = append(d.Notices, htmlNotice{Level: noticeLevel(n.Level), Message: EscapeControls(n.Message), File: EscapeControls(n.File)})
	}
	return d
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// snippet returns the lines around [first, last] of f (1-based), at most
// snippetMaxLines, each cut to snippetMaxRunes, with control characters
// escaped. An unreadable file gives no lines.
func snippet(f *sourceFile, first, last int) htmlSnippet {
	if !f.ok || f.lines.Count() == 0 {
		return htmlSnippet{Start: first, Lines: []string{}}
	}
	from := max(1, first-snippetContext)
	to := min(f.lines.Count(), max(last, first)+snippetContext)
	to = min(to, from+snippetMaxLines-1)
	s := htmlSnippet{Start: from, Lines: []string{}}
	for l := from; l <= to; l++ {
		start := f.lines.LineStart(l)
		end := len(f.src)
		if l < f.lines.Count() {
			end = f.lines.LineStart(l + 1)
		}
		text := strings.TrimRight(string(f.src[start:end]), "\r\n")
		if utf8.RuneCountInString(text) > snippetMaxRunes {
			text = string([]rune(text)[:snippetMaxRunes]) + "…"
		}
		s.Lines = append(s.Lines, EscapeControls(text))
	}
	return s
}

var htmlPage = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{{.Title}}</title>
<script>window.onerror=function(m,s,l,c){var d=document.createElement("div");d.id="js-error";d.className="js-error";d.textContent="Script error: "+m+" (line "+l+":"+c+")";(document.body||document.documentElement).appendChild(d);};</script>
<style>{{.CSS}}</style>
</head>
<body>
<header><h1>{{.Title}}</h1><p class="meta" id="meta"></p></header>
<noscript><p class="js-error">This report draws its content with JavaScript; enable it to see the findings.</p></noscript>
<main id="app"></main>
<script type="application/json" id="nestlint-data">{{.Data}}</script>
<script>{{.JS}}</script>
</body>
</html>
`))

// Format writes r as a self-contained HTML page.
func (HTML) Format(w io.Writer, r *Run) error {
	var data bytes.Buffer
	enc := json.NewEncoder(&data)
	enc.SetEscapeHTML(true) // <, > and & as \u003c..., so "</script" cannot occur
	if err := enc.Encode(NewHTMLData(r)); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	title := toolName(r) + " report"
	if err := htmlPage.Execute(bw, map[string]any{
		"Title": title,
		"CSS":   template.CSS(htmlCSS),
		"JS":    template.JS(htmlJS),
		"Data":  template.JS(bytes.TrimRight(data.Bytes(), "\n")),
	}); err != nil {
		return err
	}
	return bw.Flush()
}
