// Package lint holds what every nestlint rule shares: its metadata (Meta),
// the Rule that ties the metadata to a go/analysis Analyzer, severities, the
// Report helper, and the settings access for rules.
package lint

import (
	"fmt"
	"reflect"
	"runtime"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Severity is how serious a finding is.
type Severity int

// Severities, from least to most serious. Off disables a rule.
const (
	Off Severity = iota
	Note
	Warning
	Error
)

// String returns the lowercase name used in output and config.
func (s Severity) String() string {
	switch s {
	case Note:
		return "note"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "off"
}

// ParseSeverity parses "off", "note", "warning" (or "warn") and "error".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "off", "none":
		return Off, nil
	case "note", "info":
		return Note, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return Off, fmt.Errorf("unknown severity %q (want off, note, warning or error)", s)
}

// Precision is how often a rule's findings are right, as SARIF's
// properties.precision states it.
type Precision string

// Precisions.
const (
	VeryHigh Precision = "very-high"
	High     Precision = "high"
	Medium   Precision = "medium"
	Low      Precision = "low"
)

// Meta is a rule's metadata. The title and help text come from the rule
// package's doc comment; everything else is written here once.
type Meta struct {
	ID        string    // public id from RULES.md, e.g. "event-loop/sync-io"
	Name      string    // Go package name, used as Analyzer.Name, e.g. "syncio"
	SARIFName string    // PascalCase name for SARIF rule descriptors, e.g. "SyncIoOnRequestPath"
	Severity  Severity  // default severity of a proven finding
	Tags      []string  // performance, reliability, security, ...
	Precision Precision // high, medium, low
	Since     string    // version that introduced the rule
	Fixable   bool      // the rule offers SuggestedFixes
	// SecuritySeverity is the CVSS-like score (0-10] for security-tagged rules.
	SecuritySeverity string
	// Options documents the rule's options: name -> description.
	Options map[string]string
	// NewOptions returns a pointer to a fresh value of the rule's options
	// type; the config loader decodes a rule's options into it to reject
	// wrong value types at load time.
	NewOptions func() any
}

// Doc is a rule's prose, parsed from its package doc comment.
type Doc struct {
	Title string // one line, lowercase, no period
	Why   string // explanation paragraphs
	Bad   string // bad TypeScript example
	Good  string // good TypeScript example
	More  string // sections after the examples (options, notes), may be empty
}

// Rule is a nestlint rule: metadata, prose and the analyzer that runs it.
type Rule struct {
	Meta
	Doc      Doc
	Analyzer *analysis.Analyzer
}

// HelpURLBase is where rule docs are published.
const HelpURLBase = "https://github.com/nestlint/nestlint/blob/main/docs/rules/"

// HelpURL returns the rule's documentation page.
func (r *Rule) HelpURL() string { return HelpURLBase + r.ID + ".md" }

// Dir returns the rule's folder under rules/ (e.g. "eventloop/syncio"),
// read from the package of its Run function, so the registry and the docs
// never need it written down a second time.
func (r *Rule) Dir() string {
	if r.Analyzer == nil || r.Analyzer.Run == nil {
		return r.Name
	}
	fn := runtime.FuncForPC(reflect.ValueOf(r.Analyzer.Run).Pointer())
	if fn == nil {
		return r.Name
	}
	name := fn.Name() // github.com/nestlint/nestlint/rules/eventloop/syncio.run or ….func1
	const marker = "/rules/"
	i := strings.LastIndex(name, marker)
	if i < 0 {
		return r.Name
	}
	pkg := name[i+len(marker):]
	slash := strings.LastIndex(pkg, "/")
	if dot := strings.Index(pkg[slash+1:], "."); dot >= 0 {
		pkg = pkg[:slash+1+dot]
	}
	return pkg
}

// Security reports whether the rule carries the security tag.
func (r *Rule) Security() bool {
	for _, t := range r.Tags {
		if t == "security" {
			return true
		}
	}
	return false
}

// NewRule builds a Rule from its metadata, its doc comment source (the text
// of the package's doc.go) and its run function. It panics when the doc
// comment is malformed: a programmer error that the registry test catches.
func NewRule(m Meta, docSrc string, run func(*analysis.Pass) (any, error), requires ...*analysis.Analyzer) *Rule {
	d, err := ParseDoc(m.Name, docSrc)
	if err != nil {
		panic(fmt.Sprintf("rule %s: %v", m.ID, err))
	}
	if m.ID == "" || m.Name == "" || m.Severity == Off {
		panic(fmt.Sprintf("rule %q: ID, Name and Severity are required", m.ID))
	}
	r := &Rule{Meta: m, Doc: d}
	// Every rule gets the Env, so that Guard always has a sink for tool errors.
	hasEnv := false
	for _, a := range requires {
		hasEnv = hasEnv || a == EnvAnalyzer
	}
	if !hasEnv {
		requires = append(requires, EnvAnalyzer)
	}
	r.Analyzer = &analysis.Analyzer{
		Name:     m.Name,
		Doc:      d.Title + "\n\n" + d.Why,
		URL:      r.HelpURL(),
		Run:      run,
		Requires: requires,
	}
	return r
}

// ParseDoc parses a rule's doc.go text. The package comment reads:
//
//	// name: title
//	//
//	// Explanation paragraphs.
//	//
//	// Bad:
//	//
//	//	code
//	//
//	// Good:
//	//
//	//	code
//	//
//	// Options: (optional, any further sections follow)
func ParseDoc(name, src string) (Doc, error) {
	var lines []string
	for _, l := range strings.Split(src, "\n") {
		l = strings.TrimRight(l, "\r")
		if strings.HasPrefix(l, "package ") {
			break
		}
		switch {
		case strings.HasPrefix(l, "// "):
			lines = append(lines, l[3:])
		case l == "//":
			lines = append(lines, "")
		case strings.HasPrefix(l, "//\t"):
			lines = append(lines, "\t"+l[3:])
		case strings.HasPrefix(l, "//go:") || strings.TrimSpace(l) == "":
			// directives and blank lines before the comment
		default:
			lines = append(lines, l)
		}
	}
	if len(lines) == 0 {
		return Doc{}, fmt.Errorf("doc comment is empty")
	}
	first := lines[0]
	prefix := name + ": "
	if !strings.HasPrefix(first, prefix) {
		return Doc{}, fmt.Errorf("doc comment must start with %q", prefix)
	}
	d := Doc{Title: strings.TrimSpace(strings.TrimPrefix(first, prefix))}
	if d.Title == "" || strings.HasSuffix(d.Title, ".") || len(d.Title) > 72 {
		return Doc{}, fmt.Errorf("title %q must be non-empty, short and without a trailing period", d.Title)
	}
	section := "why"
	parts := map[string][]string{}
	for _, l := range lines[1:] {
		switch strings.TrimSpace(l) {
		case "Bad:":
			section = "bad"
			continue
		case "Good:":
			section = "good"
			continue
		}
		if section == "good" && l != "" && !strings.HasPrefix(l, "\t") {
			section = "more"
		}
		parts[section] = append(parts[section], l)
	}
	code := func(ls []string) string {
		var out []string
		for _, l := range ls {
			out = append(out, strings.TrimPrefix(l, "\t"))
		}
		return strings.Trim(strings.Join(out, "\n"), "\n")
	}
	d.Why = strings.TrimSpace(strings.Join(parts["why"], "\n"))
	d.Bad = code(parts["bad"])
	d.Good = code(parts["good"])
	d.More = strings.TrimSpace(strings.Join(parts["more"], "\n"))
	if d.Why == "" || d.Bad == "" || d.Good == "" {
		return Doc{}, fmt.Errorf("doc comment needs an explanation, a Bad: and a Good: example")
	}
	return d, nil
}

// Help returns the rule's help as plain text.
func (r *Rule) Help() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s\n\n%s\n\nBad:\n\n%s\n\nGood:\n\n%s\n", r.ID, r.Doc.Title, r.Doc.Why, indent(r.Doc.Bad), indent(r.Doc.Good))
	if r.Doc.More != "" {
		fmt.Fprintf(&b, "\n%s\n", r.Doc.More)
	}
	fmt.Fprintf(&b, "\nSuppress one finding with:\n\n    // nestlint-disable-next-line %s -- reason\n\nDocs: %s\n", r.ID, r.HelpURL())
	return b.String()
}

// Markdown returns the rule's help as Markdown.
func (r *Rule) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", r.ID, r.Doc.Title)
	fmt.Fprintf(&b, "- Severity: `%s`\n- Tags: %s\n- Precision: `%s`\n", r.Severity, strings.Join(r.Tags, ", "), r.Precision)
	if r.Fixable {
		b.WriteString("- Fixable: yes (`--fix`)\n")
	}
	fmt.Fprintf(&b, "- Since: %s\n\n## Why\n\n%s\n\n## Bad\n\n```ts\n%s\n```\n\n## Good\n\n```ts\n%s\n```\n", r.Since, r.Doc.Why, r.Doc.Bad, r.Doc.Good)
	if len(r.Options) > 0 {
		b.WriteString("\n## Options\n\n")
		keys := make([]string, 0, len(r.Options))
		for k := range r.Options {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "- `%s`: %s\n", k, r.Options[k])
		}
	}
	if r.Doc.More != "" {
		fmt.Fprintf(&b, "\n%s\n", r.Doc.More)
	}
	fmt.Fprintf(&b, "\n## Suppress\n\n```ts\n// nestlint-disable-next-line %s -- reason\n```\n", r.ID)
	return b.String()
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}
