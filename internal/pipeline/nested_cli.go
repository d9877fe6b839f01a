package pipeline

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/nestlint/nestlint/config"
	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/report"
	"github.com/nestlint/nestlint/rules/lint"
)

// Nested configurations (docs/config.md): every file gets the merged
// configuration of its folder, wherever nestlint was started. What is
// per file: whether a rule is on, its severity, and the ignore globs;
// these are applied to the findings after the checker ran (the checker
// runs every rule that some file has on). What is per program: rule
// options, entryPoints, offline globs and scope, taken from the merged
// configuration of the program's root folder.

// cfgFor returns the configuration that applies to the file at abs: the
// --config file, or the merged nested configuration of its folder.
func (o *options) cfgFor(abs string) *config.Config {
	if o.Nested == nil {
		return o.Cfg
	}
	return o.Nested.ForFile(abs)
}

// cfgForDir returns the configuration that applies in folder dir.
func (o *options) cfgForDir(dir string) *config.Config {
	if o.Nested == nil {
		return o.Cfg
	}
	return o.Nested.ForDir(dir)
}

// configErrors reports every error of every configuration file read so
// far, at once; ok is false when there is one.
func configErrors(o *options, stderr io.Writer) (code int, ok bool) {
	if o.Nested == nil {
		return exitOK, true
	}
	if err := o.Nested.Err(); err != nil {
		return configError(stderr, err), false
	}
	return exitOK, true
}

// runRules reads the configuration of every file of the run (all errors
// are reported at once) and returns the rules to run: those on for at
// least one file, then --only and --skip.
func selectRunRules(o *options, all []*lint.Rule, files []string, stderr io.Writer) (rs []*lint.Rule, code int, ok bool) {
	cfgs := []*config.Config{o.Cfg}
	if o.Nested != nil {
		seen := map[*config.Config]bool{o.Cfg: true}
		for _, f := range files {
			if c := o.Nested.ForFile(f); !seen[c] {
				seen[c] = true
				cfgs = append(cfgs, c)
			}
		}
		if code, ok := configErrors(o, stderr); !ok {
			return nil, code, false
		}
	}
	var enabled []*lint.Rule
	for _, r := range all {
		for _, c := range cfgs {
			if !c.Off(r.ID) {
				enabled = append(enabled, r)
				break
			}
		}
	}
	enabled, err := o.ES.selectRules(enabled, all)
	if err != nil {
		return nil, usageError(stderr, "%v", err), false
	}
	return sortedRules(enabled), exitOK, true
}

// programSettings returns the settings the checker gets for the program
// rooted at root: those of the configuration of root, without the rule
// severities, which are applied per file afterwards (applyFileConfig),
// plus the offline globs of the nested configurations of its files (a glob
// is bound to its folder, so it cannot leak to another part of the
// program).
func (o *options) programSettings(root string, files []string) *lint.Settings {
	cfg := o.cfgForDir(root)
	s := cfg.Settings(root)
	if o.Nested != nil {
		seen := map[*config.Config]bool{cfg: true}
		have := map[string]bool{}
		for _, g := range s.Offline {
			have[g] = true
		}
		for _, f := range files {
			c := o.Nested.ForFile(f)
			if c == nil || seen[c] {
				continue
			}
			seen[c] = true
			for _, g := range c.Settings(root).Offline {
				if !have[g] {
					have[g] = true
					s.Offline = append(s.Offline, g)
				}
			}
		}
	}
	if len(s.Rules) > 0 {
		rs := make(map[string]lint.RuleConfig, len(s.Rules))
		for id, rc := range s.Rules {
			rc.Severity = nil
			rs[id] = rc
		}
		s.Rules = rs
	}
	switch {
	case o.Scope != "":
		s.Scope = o.Scope
	case s.Scope == "":
		s.Scope = lint.ScopeServer
	}
	return s
}

// applyFileConfig applies, to each finding, the rule severity of the
// configuration of its file: a rule that is off there drops the finding
// (unless --only named the rule). It is step 1 of the filters (filters.go).
func (c *collector) applyFileConfig(o *options, all []*lint.Rule, ds []report.Diagnostic) []report.Diagnostic {
	byID := map[string]*lint.Rule{}
	for _, r := range all {
		byID[r.ID] = r
	}
	kept := ds[:0]
	for _, d := range ds {
		r := byID[d.RuleID]
		if r == nil {
			kept = append(kept, d)
			continue
		}
		cfg := o.cfgFor(c.absOf(d.Location.File))
		if o.ES.forced[d.RuleID] && cfg.Off(d.RuleID) {
			kept = append(kept, d)
			continue
		}
		if d.Severity = cfg.Severity(r, d.Severity); d.Severity != lint.Off {
			kept = append(kept, d)
		}
	}
	return kept
}

// absOf returns the absolute path of an output name.
func (c *collector) absOf(name string) string {
	if abs, ok := c.paths[name]; ok {
		return abs
	}
	return filepath.Join(c.names.root, filepath.FromSlash(name))
}

// suppressorHooks returns the per-file callbacks of the suppression
// filter: whether a rule is off for a file (a directive naming it is then
// accepted silently), and the severity of nestlint/unused-disable in a
// file.
func (c *collector) suppressorHooks(o *options, all []*lint.Rule) (off func(file, id string) bool, sev func(file string) lint.Severity) {
	on := map[string]bool{}
	for _, r := range c.rules {
		on[r.ID] = true
	}
	off = func(file, id string) bool {
		if !on[id] {
			return true
		}
		return !o.ES.forced[id] && o.cfgFor(c.absOf(file)).Off(id)
	}
	var unused *lint.Rule
	for _, r := range all {
		if r.ID == report.UnusedDisableID {
			unused = r
		}
	}
	sev = func(file string) lint.Severity {
		if unused == nil {
			return lint.Warning
		}
		if off(file, unused.ID) {
			return lint.Off
		}
		return o.cfgFor(c.absOf(file)).Severity(unused, unused.Severity)
	}
	return off, sev
}

// allIDs returns the ids of all rules.
func allIDs(all []*lint.Rule) []string {
	ids := make([]string, len(all))
	for i, r := range all {
		ids[i] = r.ID
	}
	return ids
}

// PrintedConfig is what --print-config prints.
type PrintedConfig struct {
	File        string                 `json:"file"`
	ConfigFiles []string               `json:"configFiles"`
	Rules       map[string]printedRule `json:"rules"`
	Ignore      []string               `json:"ignore"`
	IgnoreBase  string                 `json:"ignoreBase,omitempty"`
	EntryPoints []string               `json:"entryPoints"`
	Offline     []string               `json:"offline"`
	Scope       string                 `json:"scope"`
}

type printedRule struct {
	Severity string          `json:"severity"`
	Options  json.RawMessage `json:"options,omitempty"`
}

// PrintConfig prints the configuration that applies to o.ES.PrintConfig:
// every rule with its severity there (after --only and --skip) and
// options, and the merged lists, as JSON. Paths are relative to the
// current folder.
func PrintConfig(o *options, all []*lint.Rule, stdout, stderr io.Writer) int {
	o.Quiet = true
	if code, ok := loadConfig(o, all, stderr); !ok {
		return code
	}
	abs, err := filepath.Abs(o.ES.PrintConfig)
	if err != nil {
		return usageError(stderr, "--print-config: %v", err)
	}
	if _, err := os.Stat(abs); err != nil {
		return usageError(stderr, "--print-config: %s: no such file or directory", o.ES.PrintConfig)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	dir := abs
	if !isDir(abs) {
		dir = filepath.Dir(abs)
	}
	rs, code, ok := selectRunRules(o, all, []string{filepath.Join(dir, "x")}, stderr)
	if !ok {
		return code
	}
	cfg := o.cfgForDir(dir)
	wd, _ := os.Getwd()
	rel := func(p string) string {
		if r, err := filepath.Rel(wd, p); err == nil {
			return filepath.ToSlash(r)
		}
		return filepath.ToSlash(p)
	}
	out := PrintedConfig{File: rel(abs), ConfigFiles: []string{}, Rules: map[string]printedRule{},
		Ignore: []string{}, EntryPoints: []string{}, Offline: []string{}, Scope: lint.ScopeServer}
	for _, f := range cfg.SourceFiles() {
		out.ConfigFiles = append(out.ConfigFiles, rel(f))
	}
	running := map[string]bool{}
	for _, r := range rs {
		running[r.ID] = true
	}
	for _, r := range all {
		pr := printedRule{Severity: "off"}
		if running[r.ID] {
			sev := r.Severity
			if !(o.ES.forced[r.ID] && cfg.Off(r.ID)) {
				sev = cfg.Severity(r, r.Severity)
			}
			pr.Severity = sev.String()
		}
		if cfg != nil {
			pr.Options = cfg.Rules[r.ID].Options
		}
		out.Rules[r.ID] = pr
	}
	if cfg != nil {
		if !o.ES.noIgnore {
			out.Ignore = append(out.Ignore, cfg.Ignore...)
		}
		out.IgnoreBase = rel(cfg.Dir)
		out.EntryPoints = append(out.EntryPoints, cfg.EntryPoints...)
		out.Offline = append(out.Offline, cfg.Offline...)
		if cfg.Scope != "" {
			out.Scope = cfg.Scope
		}
	}
	if !o.ES.noIgnore {
		for _, p := range o.ES.ignorePatterns {
			out.Ignore = append(out.Ignore, "--ignore-pattern "+p)
		}
	}
	if o.Scope != "" {
		out.Scope = o.Scope
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		fmt.Fprintf(stderr, "nestlint: internal error: %v\n", err)
		return exitInternal
	}
	stdout.Write(append(data, '\n'))
	return exitOK
}

// sourceExts are the extensions -o refuses to write: source files.
var sourceExts = []string{".ts", ".tsx", ".js", ".jsx", ".mts", ".cts", ".mjs", ".cjs"}

// checkNotInput fails when the output file path is a source file (by its
// extension) or an input of the run: a requested path, a discovered file,
// or a configuration file read. It runs before any linting.
func checkNotInput(flagName, path string, o *options, disc *parser.Discovery, req request) error {
	if path == "" {
		return nil
	}
	switch filepath.Clean(path) {
	case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2", "/dev/null":
		return nil
	}
	ext := strings.ToLower(filepath.Ext(path))
	if slices.Contains(sourceExts, ext) {
		return fmt.Errorf("%s %s: refusing to overwrite a source file (%s); write the report to a .json, .sarif or .txt file", flagName, path, ext)
	}
	switch base := filepath.Base(path); {
	case base == "package.json" || base == config.FileName || base == ".gitignore" ||
		strings.HasPrefix(base, "tsconfig") && strings.HasSuffix(base, ".json"):
		return fmt.Errorf("%s %s: refusing to overwrite a project file nestlint reads", flagName, path)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	inputs := map[string]bool{}
	for _, p := range req {
		inputs[p] = true
	}
	for _, f := range disc.Files {
		inputs[f] = true
	}
	for _, f := range disc.Extra {
		inputs[f] = true
	}
	if o.Cfg != nil {
		for _, f := range o.Cfg.SourceFiles() {
			inputs[f] = true
		}
	}
	if o.Nested != nil {
		for _, c := range o.Nested.Loaded() {
			inputs[c.Path] = true
		}
	}
	if o.Config != "" {
		if a, err := filepath.Abs(o.Config); err == nil {
			inputs[a] = true
		}
	}
	if inputs[abs] || inputs[filepath.Clean(path)] {
		return fmt.Errorf("%s %s: refusing to overwrite an input of the run", flagName, path)
	}
	return nil
}
