//go:generate go run ./schemagen/main.go ../nestlint.schema.json

// Package config reads nestlint.json, the project configuration: rule
// severities and options, ignored paths, extra entry-point decorators and
// extra offline globs. The file is JSONC (comments and trailing commas are
// allowed) and is data only. Errors name the file, the line and the key.
package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/tailscale/hujson"

	"github.com/nestlint/nestlint/internal/fsrec"
	"github.com/nestlint/nestlint/internal/safeio"
	"github.com/nestlint/nestlint/rules/lint"
)

// FileName is the name of the configuration file.
const FileName = "nestlint.json"

// SchemaFileName is the name of the JSON Schema at the repository root.
const SchemaFileName = "nestlint.schema.json"

// File is the shape of nestlint.json. The JSON Schema is generated from
// it (the desc tags become descriptions).
type File struct {
	Schema      string                 `json:"$schema" desc:"The JSON Schema of this file, for editors: \"./nestlint.schema.json\". Ignored by nestlint."`
	Rules       map[string]RuleSetting `json:"rules" desc:"Per rule id (or family wildcard such as \"hidden-class/*\"): \"off\", a severity, or { \"severity\": ..., \"options\": {...} }. An exact id wins over a wildcard."`
	Ignore      []string               `json:"ignore" desc:"Glob patterns (doublestar syntax) relative to this file's folder: findings in matching files are not reported. The files stay in the model."`
	EntryPoints []string               `json:"entryPoints" desc:"Extra method decorator names that start the request path, e.g. \"Handler\" or \"@Handler\"."`
	Offline     []string               `json:"offline" desc:"Extra glob patterns, relative to this file's folder, of offline code (scripts, tools) that never runs on the request path."`
	Root        bool                   `json:"root" desc:"true stops the search for parent configurations here: nestlint.json files in folders above this one are not merged in (like eslint's and oxlint's root). Nested configurations are merged over their parents otherwise (see docs/config.md)."`
	Scope       string                 `json:"scope" enum:"server,all" desc:"\"server\" (default): report only NestJS server code, the import closure of the files that bootstrap Nest or import @nestjs/*, across the workspace's packages; \"all\": lint every file (CLIs, build tooling and test helpers as offline code; browser apps and other servers as code no Nest entry point reaches)."`
}

// RuleSetting is the object form of a rule's configuration.
type RuleSetting struct {
	Severity string         `json:"severity" desc:"error, warning, note or off."`
	Options  map[string]any `json:"options" desc:"The rule's options."`
}

// Severities are the accepted severity strings.
var Severities = []string{"error", "warning", "note", "off"}

// Config is a loaded configuration.
type Config struct {
	// Path is the absolute path of the file; Dir its folder.
	Path, Dir string
	// Rules is the configuration of each rule, by id, wildcards expanded.
	Rules       map[string]lint.RuleConfig
	Ignore      []string
	EntryPoints []string
	Offline     []string
	// Scope is "server", "all", or "" when the file does not say.
	Scope string
	// Root is the file's "root": true (parents are not merged in).
	Root bool
	// Files are the configuration files merged into this one, farthest
	// first (nested.go); empty for a single file.
	Files []string
}

// Error is a configuration error at a line of the file.
type Error struct {
	File string // the name to show
	Line int    // 0 when unknown
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// Find returns the nestlint.json at or above dir, searching no higher than
// the first folder holding .git (the repository root), or "" when there is
// none.
func Find(dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		p := filepath.Join(d, FileName)
		if !fsrec.Absent(p) { // (the walk saw none in this folder)
			if info, err := os.Stat(p); err == nil && !info.IsDir() {
				return p
			}
		}
		if exists(filepath.Join(d, ".git")) {
			return ""
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Load reads and validates the file at path. name is how errors name it.
func Load(path, name string, all []*lint.Rule) (*Config, error) {
	data, err := safeio.ReadFile(path, safeio.MaxConfigSize)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &Error{File: name, Msg: "no such file"}
		}
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &Error{File: name, Msg: err.Error()}
	}
	c, err := Parse(name, data, all)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, &Error{File: name, Msg: err.Error()}
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	c.Path, c.Dir = abs, filepath.Dir(abs)
	return c, nil
}

var hujsonLine = regexp.MustCompile(`^hujson: line (\d+), column \d+: `)

// Parse validates the content of a configuration file. Path and Dir of the
// result are empty.
func Parse(name string, data []byte, all []*lint.Rule) (*Config, error) {
	// hujson and encoding/json recurse: refuse deep nesting before they
	// overflow the stack (a fatal error no recover catches).
	var de *safeio.DepthError
	if err := safeio.CheckJSONDepth(data, safeio.MaxJSONDepth); errors.As(err, &de) {
		return nil, &Error{File: name, Line: de.Line, Msg: "invalid JSON: " + err.Error()}
	}
	// Standardize edits the buffer; a final newline ends a last // comment.
	v, err := hujson.Parse(append(bytes.Clone(data), '\n'))
	if err != nil {
		msg := err.Error()
		line := 0
		if m := hujsonLine.FindStringSubmatch(msg); m != nil {
			fmt.Sscan(m[1], &line)
			msg = strings.TrimPrefix(msg, m[0])
		}
		return nil, &Error{File: name, Line: line, Msg: "invalid JSON: " + msg}
	}
	v.Standardize() // offsets and line numbers are kept
	std := v.Pack()
	p := &parser{name: name, src: std, all: all}
	return p.file(&v)
}

type parser struct {
	name string
	src  []byte
	all  []*lint.Rule
}

func (p *parser) errAt(off int, format string, a ...any) error {
	line := 1 + bytes.Count(p.src[:min(max(off, 0), len(p.src))], []byte("\n"))
	return &Error{File: p.name, Line: line, Msg: fmt.Sprintf(format, a...)}
}

func (p *parser) raw(v *hujson.Value) []byte { return p.src[v.StartOffset:v.EndOffset] }

func kindName(v *hujson.Value) string {
	switch v.Value.Kind() {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case '0':
		return "a number"
	case 't', 'f':
		return "a boolean"
	}
	return "null"
}

// topKeys are the accepted top-level keys.
var topKeys = jsonKeys(File{})

func jsonKeys(v any) []string {
	var keys []string
	t := reflectType(v)
	for i := range t.NumField() {
		keys = append(keys, jsonName(t.Field(i)))
	}
	return keys
}

func (p *parser) file(v *hujson.Value) (*Config, error) {
	obj, ok := v.Value.(*hujson.Object)
	if !ok {
		return nil, p.errAt(v.StartOffset, "the configuration must be an object, not %s", kindName(v))
	}
	c := &Config{Rules: map[string]lint.RuleConfig{}}
	seen := map[string]bool{}
	var errs Errors
	for i := range obj.Members {
		m := &obj.Members[i]
		key := m.Name.Value.(hujson.Literal).String()
		if seen[key] {
			errs.add(p.errAt(m.Name.StartOffset, "duplicate key %q", key))
			continue
		}
		seen[key] = true
		var err error
		switch key {
		case "$schema":
			if m.Value.Value.Kind() != '"' {
				err = p.errAt(m.Value.StartOffset, "$schema must be a string, not %s", kindName(&m.Value))
			}
		case "rules":
			err = p.rules(&m.Value, c)
		case "ignore":
			c.Ignore, err = p.globs(key, &m.Value)
		case "offline":
			c.Offline, err = p.globs(key, &m.Value)
		case "root":
			switch m.Value.Value.Kind() {
			case 't':
				c.Root = true
			case 'f':
			default:
				err = p.errAt(m.Value.StartOffset, "root must be true or false, not %s", kindName(&m.Value))
			}
		case "scope":
			if m.Value.Value.Kind() != '"' {
				err = p.errAt(m.Value.StartOffset, "scope must be a string, not %s", kindName(&m.Value))
				break
			}
			c.Scope = m.Value.Value.(hujson.Literal).String()
			if c.Scope != lint.ScopeServer && c.Scope != lint.ScopeAll {
				err = p.errAt(m.Value.StartOffset, "scope must be \"server\" or \"all\", not %q", c.Scope)
			}
		case "entryPoints":
			c.EntryPoints, err = p.strings(key, &m.Value)
			for i, e := range c.EntryPoints {
				c.EntryPoints[i] = strings.TrimPrefix(e, "@")
				if c.EntryPoints[i] == "" && err == nil {
					err = p.errAt(m.Value.StartOffset, "entryPoints: empty decorator name")
				}
			}
		default:
			err = p.errAt(m.Name.StartOffset, "unknown key %q%s", key, didYouMean(key, topKeys))
		}
		errs.add(err)
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return c, nil
}

func (p *parser) strings(key string, v *hujson.Value) ([]string, error) {
	arr, ok := v.Value.(*hujson.Array)
	if !ok {
		return nil, p.errAt(v.StartOffset, "%s must be an array of strings, not %s", key, kindName(v))
	}
	out := []string{}
	for i := range arr.Elements {
		e := &arr.Elements[i]
		if e.Value.Kind() != '"' {
			return nil, p.errAt(e.StartOffset, "%s[%d] must be a string, not %s", key, i, kindName(e))
		}
		out = append(out, e.Value.(hujson.Literal).String())
	}
	return out, nil
}

func (p *parser) globs(key string, v *hujson.Value) ([]string, error) {
	gs, err := p.strings(key, v)
	if err != nil {
		return nil, err
	}
	arr := v.Value.(*hujson.Array)
	var errs Errors
	for i, g := range gs {
		g = strings.TrimPrefix(g, "./")
		if g == "" || !doublestar.ValidatePattern(g) || strings.HasPrefix(g, "/") {
			errs.add(p.errAt(arr.Elements[i].StartOffset, "%s[%d]: invalid glob pattern %q", key, i, gs[i]))
			continue
		}
		// doublestar matches {a,b} groups by trying the alternatives:
		// {a,aa}{a,aa}... is exponential against a long file name.
		if n := braceAlternatives(g, MaxBraceAlternatives); n > MaxBraceAlternatives {
			errs.add(p.errAt(arr.Elements[i].StartOffset, "%s[%d]: glob pattern %q expands to more than %d alternatives", key, i, gs[i], MaxBraceAlternatives))
			continue
		}
		gs[i] = g
	}
	if err := errs.err(); err != nil {
		return nil, err
	}
	return gs, nil
}

// families returns the rule families ("event-loop") of the rules.
func families(all []*lint.Rule) []string {
	var fs []string
	for _, r := range all {
		if f, _, ok := strings.Cut(r.ID, "/"); ok && !slices.Contains(fs, f) {
			fs = append(fs, f)
		}
	}
	sort.Strings(fs)
	return fs
}

func (p *parser) rules(v *hujson.Value, c *Config) error {
	obj, ok := v.Value.(*hujson.Object)
	if !ok {
		return p.errAt(v.StartOffset, "rules must be an object, not %s", kindName(v))
	}
	byID := map[string]*lint.Rule{}
	var ids, wildcards []string
	for _, r := range p.all {
		byID[r.ID] = r
		ids = append(ids, r.ID)
	}
	for _, f := range families(p.all) {
		wildcards = append(wildcards, f+"/*")
	}
	exact := map[string]lint.RuleConfig{}
	wild := map[string]lint.RuleConfig{}
	seen := map[string]bool{}
	var errs Errors
	for i := range obj.Members {
		m := &obj.Members[i]
		key := m.Name.Value.(hujson.Literal).String()
		if seen[key] {
			errs.add(p.errAt(m.Name.StartOffset, "duplicate rule %q", key))
			continue
		}
		seen[key] = true
		var rule *lint.Rule
		switch {
		case byID[key] != nil:
			rule = byID[key]
		case slices.Contains(wildcards, key):
		case strings.HasSuffix(key, "/*"):
			errs.add(p.errAt(m.Name.StartOffset, "unknown rule family %q%s", key, didYouMean(key, wildcards)))
			continue
		default:
			errs.add(p.errAt(m.Name.StartOffset, "unknown rule %q%s", key, didYouMean(key, ids)))
			continue
		}
		rc, err := p.ruleValue(key, rule, &m.Value)
		if err != nil {
			errs.add(err)
			continue
		}
		if rule != nil {
			exact[key] = rc
		} else {
			wild[strings.TrimSuffix(key, "*")] = rc
		}
	}
	for _, r := range p.all {
		if rc, ok := exact[r.ID]; ok {
			c.Rules[r.ID] = rc
			continue
		}
		if f, _, ok := strings.Cut(r.ID, "/"); ok {
			if rc, ok := wild[f+"/"]; ok {
				if len(rc.Options) > 0 {
					rc.Options = nil // options are per rule; a wildcard sets severities
				}
				c.Rules[r.ID] = rc
			}
		}
	}
	return errs.err()
}

func (p *parser) severity(key string, v *hujson.Value) (*lint.Severity, error) {
	if v.Value.Kind() != '"' {
		return nil, p.errAt(v.StartOffset, "%s: severity must be a string (error, warning, note or off), not %s", key, kindName(v))
	}
	s := v.Value.(hujson.Literal).String()
	if !slices.Contains(Severities, s) {
		return nil, p.errAt(v.StartOffset, "%s: bad severity %q (want error, warning, note or off)%s", key, s, didYouMean(s, Severities))
	}
	sev, _ := lint.ParseSeverity(s)
	return &sev, nil
}

func (p *parser) ruleValue(key string, rule *lint.Rule, v *hujson.Value) (lint.RuleConfig, error) {
	var rc lint.RuleConfig
	switch v.Value.Kind() {
	case '"':
		sev, err := p.severity(key, v)
		rc.Severity = sev
		return rc, err
	case '{':
	default:
		return rc, p.errAt(v.StartOffset, "%s: want a severity string or an object, not %s", key, kindName(v))
	}
	// Every error of the object is reported, not only the first.
	var errs Errors
	for i := range v.Value.(*hujson.Object).Members {
		m := &v.Value.(*hujson.Object).Members[i]
		name := m.Name.Value.(hujson.Literal).String()
		switch name {
		case "severity":
			sev, err := p.severity(key, &m.Value)
			if err != nil {
				errs.add(err)
				continue
			}
			rc.Severity = sev
		case "options":
			opts, ok := m.Value.Value.(*hujson.Object)
			if !ok {
				errs.add(p.errAt(m.Value.StartOffset, "%s: options must be an object, not %s", key, kindName(&m.Value)))
				continue
			}
			if rule == nil {
				errs.add(p.errAt(m.Name.StartOffset, "%s: a family wildcard takes a severity only, not options", key))
				continue
			}
			var names []string
			for n := range rule.Options {
				names = append(names, n)
			}
			sort.Strings(names)
			bad := false
			for j := range opts.Members {
				on := opts.Members[j].Name.Value.(hujson.Literal).String()
				if _, ok := rule.Options[on]; !ok {
					bad = true
					if len(names) == 0 {
						errs.add(p.errAt(opts.Members[j].Name.StartOffset, "%s: the rule takes no options (got %q)", key, on))
						continue
					}
					errs.add(p.errAt(opts.Members[j].Name.StartOffset, "%s: unknown option %q%s (want %s)", key, on, didYouMean(on, names), strings.Join(names, ", ")))
				}
			}
			if bad {
				continue
			}
			rc.Options = json.RawMessage(bytes.TrimSpace(p.raw(&m.Value)))
			if rule.NewOptions != nil {
				// decode into the rule's own options type, so a wrong value
				// type is a config error (exit 2) and not a tool error later
				if err := json.Unmarshal(rc.Options, rule.NewOptions()); err != nil {
					var te *json.UnmarshalTypeError
					if errors.As(err, &te) {
						errs.add(p.errAt(m.Value.StartOffset+int(te.Offset), "%s: option %s: want %s, got %s", key, te.Field, jsonKind(te.Type), te.Value))
						continue
					}
					errs.add(p.errAt(m.Value.StartOffset, "%s: options: %v", key, err))
				}
			}
		default:
			errs.add(p.errAt(m.Name.StartOffset, "%s: unknown key %q (want severity or options)%s", key, name, didYouMean(name, []string{"severity", "options"})))
		}
	}
	return rc, errs.err()
}

// didYouMean returns " (did you mean X?)" for the closest candidate, or "".
func didYouMean(s string, cands []string) string {
	best, bestD := "", 0
	for _, c := range cands {
		d := distance(strings.ToLower(s), strings.ToLower(c))
		if best == "" || d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" {
		return ""
	}
	// A prefix (event-loop/sync for event-loop/sync-io) or a few edits.
	if strings.HasPrefix(best, s) || strings.HasPrefix(s, best) || bestD <= max(2, len(s)/3) {
		return fmt.Sprintf(" (did you mean %s?)", best)
	}
	return ""
}

// distance is the Levenshtein distance.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// Enabled returns the rules not configured "off", in their order. A nil
// Config enables every rule.
func (c *Config) Enabled(all []*lint.Rule) []*lint.Rule {
	if c == nil {
		return all
	}
	var out []*lint.Rule
	for _, r := range all {
		if rc, ok := c.Rules[r.ID]; ok && rc.Severity != nil && *rc.Severity == lint.Off {
			continue
		}
		out = append(out, r)
	}
	return out
}

// Settings returns the settings of a project rooted at root (absolute). A
// nil Config gives the defaults.
func (c *Config) Settings(root string) *lint.Settings {
	s := &lint.Settings{Root: root}
	if c == nil {
		return s
	}
	s.Rules = c.Rules
	s.EntryPoints = c.EntryPoints
	s.Scope = c.Scope
	for _, g := range c.Offline {
		s.Offline = append(s.Offline, rebase(g, c.Dir, root)...)
	}
	return s
}

// rebase turns glob g, relative to folder from, into globs relative to
// folder to, which the model matches project files against.
func rebase(g, from, to string) []string {
	if from == "" || from == to {
		return []string{g}
	}
	if rel, ok := under(to, from); ok { // the config is inside the project
		return []string{rel + "/" + g}
	}
	rel, ok := under(from, to) // the project is inside the config's folder
	if !ok {
		return nil // unrelated folders: the glob cannot match
	}
	segs := strings.Split(g, "/")
	for _, dir := range strings.Split(rel, "/") {
		if len(segs) == 0 {
			return nil
		}
		if segs[0] == "**" {
			return []string{strings.Join(segs, "/")}
		}
		if ok, _ := doublestar.Match(segs[0], dir); !ok {
			return nil
		}
		segs = segs[1:]
	}
	if len(segs) == 0 {
		return []string{"**"} // the glob names the project folder itself
	}
	return []string{strings.Join(segs, "/")}
}

// under returns abs relative to dir with '/', when abs lies below dir.
func under(dir, abs string) (string, bool) {
	r, err := filepath.Rel(dir, abs)
	if err != nil || r == "." || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(r), true
}

// Ignored reports whether findings in the file at abs are not reported: it
// matches an ignore glob, relative to the config's folder (a glob naming a
// folder covers what is under it).
func (c *Config) Ignored(abs string) bool {
	if c == nil || len(c.Ignore) == 0 {
		return false
	}
	rel, ok := under(c.Dir, abs)
	if !ok {
		return false
	}
	for _, g := range c.Ignore {
		if ok, _ := doublestar.Match(g, rel); ok {
			return true
		}
		if ok, _ := doublestar.Match(strings.TrimSuffix(g, "/")+"/**", rel); ok {
			return true
		}
	}
	return false
}

// jsonKind names a Go type the way a config author knows it.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Map, reflect.Struct:
		return "an object"
	case reflect.Int, reflect.Int64, reflect.Float64, reflect.Int32, reflect.Uint, reflect.Float32:
		return "a number"
	}
	return t.String()
}

// MaxBraceAlternatives is the most strings a glob's {a,b} groups may
// expand to.
const MaxBraceAlternatives = 256

// braceAlternatives returns how many strings the {a,b} groups of glob g
// expand to (nested groups included), or a number above limit when there
// are more.
func braceAlternatives(g string, limit int) int {
	n, _ := braceSeq(g, 0, limit, false)
	return n
}

// braceSeq counts the expansions of the sequence starting at i, up to the
// end of g or, inside a group, up to the ',' or '}' that ends the
// alternative; it returns the count and where it stopped.
func braceSeq(g string, i, limit int, inGroup bool) (int, int) {
	total := 1
	for i < len(g) {
		switch g[i] {
		case '\\':
			i += 2
			continue
		case '[':
			if j := strings.IndexByte(g[i+1:], ']'); j >= 0 {
				i += j + 2
				continue
			}
		case '{':
			sum := 0
			j := i + 1
			for {
				n, k := braceSeq(g, j, limit, true)
				sum = min(sum+n, limit+1)
				if k >= len(g) || g[k] == '}' {
					i = k + 1
					break
				}
				j = k + 1 // past ','
			}
			total = min(total*max(sum, 1), limit+1)
			continue
		case ',', '}':
			if inGroup {
				return total, i
			}
		}
		i++
	}
	return total, i
}
