package containersignals

import (
	_ "embed"
	"errors"
	"fmt"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/internal/safeio"
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
	pr := parser.Of(pass)
	env := lint.EnvOf(pass)
	seen := map[string]bool{}
	var inputs []string
	for _, p := range pr.Extra {
		if !seen[p] {
			seen[p] = true
			inputs = append(inputs, p)
		}
	}
	root := ""
	if env != nil && env.Settings != nil {
		root = env.Settings.Root
	}
	for _, p := range upward(root) {
		if !seen[p] {
			seen[p] = true
			inputs = append(inputs, p)
		}
	}
	for _, p := range inputs {
		lint.Guard(pass, p, func() {
			src, err := safeio.ReadFile(p, safeio.MaxConfigSize)
			if err != nil {
				if !errors.Is(err, fs.ErrNotExist) {
					lint.EnvOf(pass).AddNotice(lint.Notice{Level: lint.Warning, File: p, Message: "cannot read: " + errText(err) + "; not checked"})
				}
				return
			}
			base := strings.ToLower(filepath.Base(p))
			if strings.HasPrefix(base, "ecosystem.config.") {
				checkEcosystem(pass, p, src)
			} else {
				checkDockerfile(pass, p, src)
			}
		})
	}
	return nil, nil
}

// upward returns the Dockerfiles next to a package.json in the folders
// above root, up to the repository root (the first folder with .git).
// Outside a repository it returns nothing.
func upward(root string) []string {
	if root == "" {
		return nil
	}
	var found []string
	for d := filepath.Dir(filepath.Clean(root)); ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "package.json")); err == nil {
			if _, err := os.Stat(filepath.Join(d, "Dockerfile")); err == nil {
				found = append(found, filepath.Join(d, "Dockerfile"))
			}
		}
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return found
		}
		if filepath.Dir(d) == d {
			return nil
		}
	}
}

// addFile gives a non-TypeScript input a token.File so findings can point into it.
func addFile(pass *analysis.Pass, path string, src []byte) *token.File {
	tf := pass.Fset.AddFile(path, -1, len(src))
	tf.SetLinesForContent(src)
	return tf
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

func checkDockerfile(pass *analysis.Pass, path string, src []byte) {
	df, err := parser.ParseDockerfile(src)
	if err != nil || len(df.Stages) == 0 {
		return
	}
	// the last stage runs; `FROM build AS run` inherits the CMD and
	// ENTRYPOINT of the earlier stage it names
	var entry, cmd *parser.Command
	for k := len(df.Stages) - 1; k >= 0; {
		st := &df.Stages[k]
		for i := range st.Commands {
			c := &st.Commands[i]
			if c.Instruction == "ENTRYPOINT" && entry == nil {
				entry = c
			} else if c.Instruction == "CMD" && cmd == nil {
				cmd = c
			}
		}
		if entry != nil && cmd != nil {
			break
		}
		next := -1
		for j := k - 1; j >= 0; j-- {
			if df.Stages[j].Alias != "" && strings.EqualFold(df.Stages[j].Alias, strings.TrimSpace(st.Image)) {
				next = j
				break
			}
		}
		k = next
	}
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
	argv := main.Argv
	shell := !main.Exec
	if main.Exec && len(argv) >= 2 && (base(argv[0]) == "sh" || base(argv[0]) == "bash" || base(argv[0]) == "ash") && argv[1] == "-c" {
		shell = true
		argv = strings.Fields(strings.Join(argv[2:], " "))
	}
	if shell && len(argv) > 0 && argv[0] == "exec" {
		// `CMD exec node dist/main.js`: the shell replaces itself with node
		argv, shell = argv[1:], false
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
		why = fmt.Sprintf("%s in shell form runs %s: sh is PID 1 and %s sits between it and node, and neither forwards SIGTERM", main.Instruction, lint.Quote("/bin/sh -c "+strings.Join(main.Argv, " ")), pm)
	case shell:
		why = fmt.Sprintf("%s in shell form runs %s: sh is PID 1 and does not forward SIGTERM to node", main.Instruction, lint.Quote("/bin/sh -c "+strings.Join(main.Argv, " ")))
	default:
		why = fmt.Sprintf("%s runs node through %s, which does not reliably forward SIGTERM to node or wait for it", main.Instruction, pm)
	}
	msg := why + ", so on docker stop or a Kubernetes rollout Nest's shutdown hooks never run and the container is SIGKILLed after the grace period; use the exec form [\"node\", \"dist/main.js\"] or an init such as tini in ENTRYPOINT (docker run --init is not visible here)"
	tf := addFile(pass, path, src)
	lint.Report(pass, lint.Warning, pos(tf, main.Start), pos(tf, main.End), msg)
}

func checkEcosystem(pass *analysis.Pass, path string, src []byte) {
	apps, err := parser.ParseEcosystem(src)
	if err != nil {
		return
	}
	var tf *token.File
	for _, a := range apps {
		mode := a.Props["exec_mode"]
		if mode != "cluster" && mode != "cluster_mode" {
			continue
		}
		name := a.Props["name"]
		if name == "" {
			name = a.Props["script"]
		}
		name = lint.Quote(name) // user text: no Markdown or HTML
		span := a.Span
		var msg string
		if kt, ok := a.Props["kill_timeout"]; ok {
			n, err := strconv.Atoi(strings.ReplaceAll(kt, "_", ""))
			if err != nil || n >= minKillTimeout {
				continue // not a literal, or long enough
			}
			span = a.KeySpans["kill_timeout"]
			msg = fmt.Sprintf("PM2 app %s runs in cluster mode with kill_timeout %d ms: PM2 sends SIGKILL before Nest can finish onModuleDestroy, app.close() and onApplicationShutdown; set kill_timeout to at least %d (above your slowest shutdown)", name, n, minKillTimeout)
		} else {
			msg = fmt.Sprintf("PM2 app %s runs in cluster mode without kill_timeout: PM2 sends SIGKILL 1600 ms after SIGINT, before Nest can finish onModuleDestroy, app.close() and onApplicationShutdown; set kill_timeout (at least %d) and enable shutdown hooks", name, minKillTimeout)
		}
		if tf == nil {
			tf = addFile(pass, path, src)
		}
		lint.Report(pass, lint.Warning, pos(tf, span.Start), pos(tf, span.End), msg)
	}
}

// errText is err without the path an *fs.PathError repeats.
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
