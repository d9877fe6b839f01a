package syncio

import (
	_ "embed"
	"fmt"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

const ruleID = "event-loop/sync-io"

// Rule is event-loop/sync-io.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "syncio", SARIFName: "SyncIoOnRequestPath",
	Severity: lint.Error, Tags: []string{"performance", "reliability"}, Precision: lint.High, Since: "v0.1.0",
	Options: map[string]string{
		"allow":         "list of qualified names never reported, e.g. [\"fs.existsSync\"]",
		"reportStartup": "also report calls in startup, shutdown and offline code (as notes); default false",
	},
	NewOptions: func() any { return new(Options) },
}, doc, run, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

// Options are the rule's options.
type Options struct {
	Allow         []string `json:"allow"`
	ReportStartup bool     `json:"reportStartup"`
}

// replacement returns the async replacement of a blocking API, or "" when
// the call is not a blocking one.
func replacement(module, member string) string {
	switch module {
	case "fs", "graceful-fs", "fs-extra":
		if strings.HasSuffix(member, "Sync") {
			base := strings.TrimSuffix(member, "Sync")
			switch base {
			case "exists":
				return "`fs.promises.access` (or `fs.promises.stat`)"
			}
			return "`fs.promises." + base + "`"
		}
	case "child_process":
		switch member {
		case "execSync":
			return "`child_process.exec` with `util.promisify`"
		case "execFileSync":
			return "`child_process.execFile` with `util.promisify`"
		case "spawnSync":
			return "`child_process.spawn`"
		}
	case "crypto":
		switch member {
		case "pbkdf2Sync":
			return "`crypto.pbkdf2` with a callback or `util.promisify`"
		case "scryptSync":
			return "`crypto.scrypt` with a callback or `util.promisify`"
		case "randomFillSync":
			return "`crypto.randomFill`"
		case "generateKeyPairSync":
			return "`crypto.generateKeyPair`"
		case "generateKeySync":
			return "`crypto.generateKey`"
		case "generatePrimeSync":
			return "`crypto.generatePrime`"
		case "hkdfSync":
			return "`crypto.hkdf`"
		}
	case "zlib":
		if strings.HasSuffix(member, "Sync") {
			return "`zlib." + strings.TrimSuffix(member, "Sync") + "` with `util.promisify`"
		}
	case "bcrypt", "bcryptjs":
		switch member {
		case "hashSync":
			return "`" + module + ".hash`"
		case "compareSync":
			return "`" + module + ".compare`"
		case "genSaltSync":
			return "`" + module + ".genSalt`"
		}
	}
	return ""
}

func run(pass *analysis.Pass) (any, error) {
	m := nest.Of(pass)
	env := lint.EnvOf(pass)
	var opts Options
	if err := env.Settings.Options(ruleID, &opts); err != nil {
		return nil, err
	}
	allowed := map[string]bool{}
	for _, a := range opts.Allow {
		allowed[strings.TrimPrefix(a, "node:")] = true
	}
	for fi, file := range m.AllFiles() {
		lint.Guard(pass, file.Path, func() { check(pass, m, fi, file, opts, allowed) })
	}
	return nil, nil
}

func check(pass *analysis.Pass, m *nest.Model, fi nest.FileID, file *parser.File, opts Options, allowed map[string]bool) {
	for ci := range nest.CallID(len(file.Facts.Calls)) {
		c := &file.Facts.Calls[ci]
		if c.New || len(c.Path) == 0 || (len(c.Path) > 1 && !strings.HasSuffix(c.Method, "Sync")) {
			continue // cheap filter: every API listed ends in Sync, unless imported under an alias
		}
		callee := m.ResolveCallee(fi, ci)
		if callee.External == "" {
			continue
		}
		member := strings.TrimPrefix(callee.External, callee.Module+".")
		if strings.Contains(member, ".") {
			continue // fs.promises.x and deeper paths are not blocking APIs
		}
		repl := replacement(callee.Module, member)
		if repl == "" || allowed[callee.External] || allowed[callee.Module+"."+member] {
			continue
		}
		name := callee.Module + "." + member
		p := nest.DefaultPolicy
		if opts.ReportStartup {
			p.Startup, p.Shutdown = lint.Note, lint.Note
		}
		m.Report(pass, p, nest.Finding{
			Func: nest.FuncRef{File: fi, Index: nest.FuncID(c.Func)}, Pos: file.Pos(c.Span.Start), End: file.Pos(c.Span.End),
			What: fmt.Sprintf("`%s` blocks the event loop", name),
			Fix:  "use " + repl,
		})
	}
}
