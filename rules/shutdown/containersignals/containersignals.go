package containersignals

import (
	_ "embed"
	"errors"
	"fmt"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/parser"
	"github.com/nestlint/nestlint/rules/internal/nest"
	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed doc.go
var doc string

const ruleID = "shutdown/container-signals"

// Rule is shutdown/container-signals.
var Rule = lint.NewRule(lint.Meta{
	ID: ruleID, Name: "containersignals", SARIFName: "ContainerSignalNotForwarded",
	Severity: lint.Warning, Tags: []string{"reliability"}, Precision: lint.Medium, Since: "v0.1.0",
}, doc, run, parser.Analyzer, nest.Analyzer, lint.EnvAnalyzer)

// Analyzer runs the rule.
var Analyzer = Rule.Analyzer

// minKillTimeout is the shortest PM2 kill_timeout (ms) accepted.
const minKillTimeout = 3000

func run(pass *analysis.Pass) (any, error) {
	// The parse stage read and parsed the inputs: the discovered
	// Dockerfiles and PM2 files and the Dockerfiles above the program root
	// (parser.Result.Inputs).
	for _, in := range parser.Of(pass).Inputs {
		lint.Guard(pass, in.Path, func() {
			switch {
			case in.Vanished():
			case in.Tok == nil:
				notice(pass, lint.Warning, in.Path, "cannot read: "+errText(in.Err)+"; not checked")
			case in.Ecosystem:
				checkEcosystem(pass, in)
			default:
				checkDockerfile(pass, in)
			}
		})
	}
	return nil, nil
}

func pos(tf *token.File, off uint32) token.Pos {
	if int(off) > tf.Size() {
		off = uint32(tf.Size())
	}
	return tf.Pos(int(off))
}

func base(arg string) string {
	return filepath.Base(strings.TrimSpace(arg))
}

func isInit(argv []string) bool {
	for _, a := range argv {
		b := base(a)
		if b == "tini" || b == "tini-static" || b == "dumb-init" || b == "s6-svscan" || b == "/init" {
			return true
		}
	}
	return false
}

func isPackageManager(argv []string) string {
	if len(argv) == 0 {
		return ""
	}
	switch b := base(argv[0]); b {
	case "npm", "yarn", "pnpm", "npx":
		return b
	}
	return ""
}

func checkDockerfile(pass *analysis.Pass, in *parser.Input) {
	path, df, err := in.Path, in.Dockerfile, in.Err
	if err != nil {
		notice(pass, lint.Warning, path, "cannot parse: "+err.Error()+"; not checked")
		return
	}
	if len(df.Stages) == 0 {
		return
	}
	// the last stage runs, with the CMD and ENTRYPOINT it inherits
	entry, cmd := df.Main()
	if entry != nil && isInit(entry.Argv) {
		return
	}
	main := cmd
	if entry != nil {
		main = entry
	}
	if main == nil {
		return
	}
	argv, shell := main.Run()
	if script := parser.ScriptArg(argv); !shell && script != "" {
		checkScript(pass, in, main, script)
		return
	}
	pm := isPackageManager(argv)
	if !shell && pm == "" {
		return
	}
	if shell && isInit(argv) {
		return
	}
	var why string
	switch {
	case shell && pm != "":
		why = fmt.Sprintf("%s in shell form runs %s: neither sh nor %s forwards SIGTERM to node", main.Instruction, lint.QuoteMax("/bin/sh -c "+strings.Join(main.Argv, " "), lint.MaxMessageQuote), pm)
	case shell:
		why = fmt.Sprintf("%s in shell form runs %s: sh does not forward SIGTERM to node", main.Instruction, lint.QuoteMax("/bin/sh -c "+strings.Join(main.Argv, " "), lint.MaxMessageQuote))
	default:
		why = fmt.Sprintf("%s runs node through %s, which does not reliably forward SIGTERM", main.Instruction, pm)
	}
	msg := why + "; use the exec form `[\"node\", \"dist/main.js\"]`"
	tf := in.Tok
	lint.Report(pass, lint.Warning, pos(tf, main.Start), pos(tf, main.End), msg)
}

func checkEcosystem(pass *analysis.Pass, in *parser.Input) {
	path, apps, err := in.Path, in.Apps, in.Err
	switch {
	case errors.Is(err, parser.ErrEcosystemSyntax):
		notice(pass, lint.Note, path, "PM2 file with a syntax error: only the apps that could be read were checked")
	case err != nil:
		notice(pass, lint.Warning, path, "cannot parse: "+err.Error()+"; not checked")
		return
	}
	tf := in.Tok
	for _, a := range apps {
		mode := a.Props["exec_mode"]
		if mode != "cluster" && mode != "cluster_mode" {
			continue
		}
		name := a.Props["name"]
		if name == "" {
			name = a.Props["script"]
		}
		name = lint.QuoteMax(name, lint.MaxMessageQuote) // user text: no Markdown or HTML
		span := a.Span
		var msg string
		if kt, ok := a.Props["kill_timeout"]; ok {
			n, err := strconv.Atoi(strings.ReplaceAll(kt, "_", ""))
			if err != nil || n >= minKillTimeout {
				continue // not a literal, or long enough
			}
			span = a.KeySpans["kill_timeout"]
			msg = fmt.Sprintf("PM2 app %s in cluster mode has `kill_timeout` %d ms: PM2 sends SIGKILL before Nest's shutdown hooks finish; set it to at least %d", name, n, minKillTimeout)
		} else {
			msg = fmt.Sprintf("PM2 app %s in cluster mode has no `kill_timeout`: PM2 sends SIGKILL 1.6 s after SIGINT, before Nest's shutdown hooks finish; set it to at least %d", name, minKillTimeout)
		}
		lint.Report(pass, lint.Warning, pos(tf, span.Start), pos(tf, span.End), msg)
	}
}

// checkScript reports a script run as the container's main process that
// keeps SIGTERM from node: it ends in a package manager or node without
// exec, or starts node in the background and waits for it, with no trap
// forwarding the signal. The parse stage found, read and parsed the script
// (in.Script); one it could not read or parse gives a notice naming it.
func checkScript(pass *analysis.Pass, in *parser.Input, main *parser.Command, script string) {
	sc := in.Script
	if sc == nil {
		return // not in the build context
	}
	if sc.Tok == nil {
		notice(pass, lint.Warning, sc.Path, "cannot read the script "+main.Instruction+" runs: "+errText(sc.Err)+"; not checked")
		return
	}
	if sc.Err != nil {
		notice(pass, lint.Warning, sc.Path, "cannot parse the script "+main.Instruction+" runs: "+sc.Err.Error()+"; not checked")
		return
	}
	at, why := keepsSignal(sc.Shell)
	if at < 0 {
		return
	}
	c := &sc.Shell.Commands[at]
	msg := fmt.Sprintf("%s runs %s, which %s; end it with `exec node dist/main.js`",
		main.Instruction, lint.QuoteMax(script, lint.MaxMessageQuote), why)
	tf := in.Tok
	lint.Report(pass, lint.Warning, pos(tf, main.Start), pos(tf, main.End), msg,
		lint.WithRelated(pos(sc.Tok, c.Start), pos(sc.Tok, c.End), "the app is started here"))
}

// keepsSignal returns the command of the script that holds node as a
// child of the shell, and why, or -1.
func keepsSignal(sh *parser.Shell) (int, string) {
	for _, c := range sh.Commands {
		if len(c.Argv) > 1 && c.Argv[0] == "trap" {
			for _, a := range c.Argv[1:] {
				if a == "TERM" || a == "SIGTERM" || a == "15" {
					return -1, "" // the script forwards the signal itself
				}
			}
		}
	}
	last := sh.LastTopLevel()
	if last < 0 {
		return -1, ""
	}
	argv := sh.Commands[last].Argv
	if len(argv) == 0 {
		return -1, ""
	}
	line := strings.Join(argv, " ")
	if argv[0] == "exec" {
		if pm := isPackageManager(argv[1:]); pm != "" {
			return last, fmt.Sprintf("ends in %s, and %s does not reliably forward SIGTERM to node", lint.QuoteMax(line, lint.MaxMessageQuote), pm)
		}
		return -1, ""
	}
	if argv[0] == "wait" {
		for i := last - 1; i >= 0; i-- {
			c := &sh.Commands[i]
			if c.TopLevel && c.Background && len(c.Argv) > 0 && (isPackageManager(c.Argv) != "" || base(c.Argv[0]) == "node") {
				return i, fmt.Sprintf("waits for %s without exec, so SIGTERM never reaches node", lint.QuoteMax(strings.Join(c.Argv, " "), lint.MaxMessageQuote))
			}
		}
		return -1, ""
	}
	if sh.Commands[last].Background {
		return -1, ""
	}
	if isPackageManager(argv) != "" || base(argv[0]) == "node" {
		return last, fmt.Sprintf("ends in %s without exec, so SIGTERM never reaches node", lint.QuoteMax(line, lint.MaxMessageQuote))
	}
	if argv[0] == "$@" || argv[0] == "$*" {
		return last, fmt.Sprintf("runs the CMD with %s without exec, so SIGTERM never reaches node", lint.QuoteMax(line, lint.MaxMessageQuote))
	}
	return -1, ""
}

// errText is err without the path an *fs.PathError repeats.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// notice reports an input problem of file (a Dockerfile, PM2 file or
// script that could not be read or parsed), so that it is never silently
// skipped.
func notice(pass *analysis.Pass, level lint.Severity, file, msg string) {
	if env := lint.EnvOf(pass); env != nil {
		env.AddNotice(lint.Notice{Level: level, File: file, Message: msg})
	}
}
