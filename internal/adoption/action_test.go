package adoption_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/nestlint/nestlint/report"

	"github.com/nestlint/nestlint/internal/testmain"
)

// actionStep is one step of the composite action, as far as these tests
// need it.
type actionStep struct {
	Name, ID, If, Uses, Shell, Run string
	Env, With                      map[string]string
}

type action struct {
	Inputs map[string]string // input name -> default
	Steps  []actionStep
}

// parseAction reads action.yml. There is no YAML module in go.mod, so this
// is a line-based reader for the file's known shape: two-space indents,
// "inputs:" with "default:" keys, and "runs: steps:" whose items hold
// scalar keys, "env:"/"with:" maps and "run: |" block scalars. Anything it
// does not understand inside a step fails the test, so the reader cannot
// silently drift from the file.
func parseAction(t *testing.T, path string) action {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a := action{Inputs: map[string]string{}}
	var (
		section  string // top-level key
		input    string
		step     *actionStep
		sub      string // "env", "with" or "run" inside a step
		runLines []string
	)
	flushRun := func() {
		if step != nil && sub == "run" {
			step.Run = strings.Join(runLines, "\n") + "\n"
			runLines = nil
		}
	}
	indent := func(s string) int { return len(s) - len(strings.TrimLeft(s, " ")) }
	kv := func(s string) (string, string) {
		k, v, ok := strings.Cut(strings.TrimSpace(s), ":")
		if !ok {
			t.Fatalf("action.yml: cannot read line %q", s)
		}
		return strings.TrimSpace(k), unquote(strings.TrimSpace(v))
	}
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	ln := 0
	for sc.Scan() {
		ln++
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		ind := indent(line)
		if sub == "run" && (trimmed == "" || ind >= 8) {
			if trimmed == "" {
				runLines = append(runLines, "")
			} else {
				runLines = append(runLines, line[8:])
			}
			continue
		}
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		switch {
		case ind == 0:
			flushRun()
			sub, step = "", nil
			section, _ = kv(line)
		case section == "inputs" && ind == 2:
			input, _ = kv(line)
			a.Inputs[input] = ""
		case section == "inputs" && ind == 4:
			if k, v := kv(line); k == "default" {
				a.Inputs[input] = v
			}
		case section == "runs" && ind == 2:
			// "using: composite" or "steps:"
		case section == "runs" && ind == 4 && strings.HasPrefix(trimmed, "- "):
			flushRun()
			sub = ""
			a.Steps = append(a.Steps, actionStep{Env: map[string]string{}, With: map[string]string{}})
			step = &a.Steps[len(a.Steps)-1]
			setKey(t, step, ln, strings.TrimPrefix(trimmed, "- "), kv)
		case section == "runs" && step != nil && ind == 6:
			flushRun()
			sub = ""
			k, v := kv(line)
			switch {
			case k == "env" || k == "with":
				sub = k
			case k == "run" && v == "|":
				sub = "run"
			default:
				setKey(t, step, ln, trimmed, kv)
			}
		case section == "runs" && step != nil && ind == 8 && (sub == "env" || sub == "with"):
			k, v := kv(line)
			if sub == "env" {
				step.Env[k] = v
			} else {
				step.With[k] = v
			}
		case section == "runs":
			t.Fatalf("action.yml:%d: line not understood by the test's reader: %q", ln, line)
		}
	}
	flushRun()
	return a
}

func setKey(t *testing.T, s *actionStep, ln int, line string, kv func(string) (string, string)) {
	t.Helper()
	k, v := kv(line)
	switch k {
	case "name":
		s.Name = v
	case "id":
		s.ID = v
	case "if":
		s.If = v
	case "uses":
		s.Uses = v
	case "shell":
		s.Shell = v
	case "run":
		s.Run = v + "\n"
	default:
		t.Fatalf("action.yml:%d: unknown step key %q", ln, k)
	}
}

func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '\'' && v[len(v)-1] == '\'' || v[0] == '"' && v[len(v)-1] == '"') {
		return v[1 : len(v)-1]
	}
	return v
}

var inputRef = regexp.MustCompile(`^\$\{\{\s*inputs\.([a-z-]+)\s*\}\}$`)

// stepEnv resolves a step's env to KEY=value pairs, taking ${{ inputs.x }}
// from inputs (the action's defaults overridden by the test).
func stepEnv(t *testing.T, s actionStep, inputs map[string]string, extra []string) []string {
	t.Helper()
	given := map[string]bool{}
	for _, e := range extra {
		k, _, _ := strings.Cut(e, "=")
		given[k] = true
	}
	var env []string
	for k, v := range s.Env {
		if given[k] {
			continue
		}
		if m := inputRef.FindStringSubmatch(v); m != nil {
			val, ok := inputs[m[1]]
			if !ok {
				t.Fatalf("step %q: env %s uses unknown input %q", s.Name, k, m[1])
			}
			v = val
		} else if strings.Contains(v, "${{") {
			t.Fatalf("step %q: env %s = %q: the test cannot resolve this expression; pass it in extra env", s.Name, k, v)
		}
		env = append(env, k+"="+v)
	}
	return env
}

// runActionStep runs one step's script with bash in dir (the workspace)
// and returns its exit code and $GITHUB_OUTPUT. extra env (KEY=value)
// overrides the step's env and supplies what the test cannot resolve
// (steps.*, github.*).
func runActionStep(t *testing.T, bash, dir string, s actionStep, inputs map[string]string, extra ...string) (result, map[string]string) {
	t.Helper()
	outFile := filepath.Join(t.TempDir(), "github_output")
	env := append(stepEnv(t, s, inputs, extra), "GITHUB_OUTPUT="+outFile)
	env = append(env, extra...)
	r := run(t, 5*time.Minute, dir, env, bash, "--noprofile", "--norc", "-eo", "pipefail", "-c", s.Run)
	t.Logf("step %q: exit %d in %v", s.Name, r.code, r.took.Round(time.Millisecond))
	return r, readOutputs(t, outFile)
}

func stepByID(t *testing.T, a action, id string) actionStep {
	t.Helper()
	for _, s := range a.Steps {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("action.yml has no step with id %q", id)
	return actionStep{}
}

// readOutputs parses a $GITHUB_OUTPUT file of key=value lines.
func readOutputs(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if k, v, ok := strings.Cut(l, "="); ok {
			out[k] = v
		}
	}
	return out
}

// TestActionShape checks the composite action's inputs and step order
// without running anything.
func TestActionShape(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	a := parseAction(t, filepath.Join(root, "action.yml"))
	wantInputs := map[string]string{
		"path": ".", "version": "", "args": "", "working-directory": ".", "sarif-file": "nestlint.sarif",
		"category": "nestlint", "upload": "true", "fail-level": "error",
	}
	for k, v := range wantInputs {
		got, ok := a.Inputs[k]
		if !ok || got != v {
			t.Errorf("input %q: default %q (present %v), want %q", k, got, ok, v)
		}
	}
	if len(a.Inputs) != len(wantInputs) {
		t.Errorf("inputs %v, want exactly %v", a.Inputs, wantInputs)
	}
	if len(a.Steps) != 7 {
		t.Fatalf("%d steps, want 7 (resolve, check go, setup-go, install, lint, upload, fail)", len(a.Steps))
	}
	resolve, goStep, setup, install, lint, upload, fail := a.Steps[0], a.Steps[1], a.Steps[2], a.Steps[3], a.Steps[4], a.Steps[5], a.Steps[6]
	if resolve.ID != "resolve" || resolve.Env["VERSION_IN"] != "${{ inputs.version }}" || resolve.Env["ACTION_REF"] != "${{ github.action_ref }}" {
		t.Errorf("step 1 must resolve inputs.version with the action's ref: %+v", resolve)
	}
	source := "steps.resolve.outputs.mode == 'source'"
	if goStep.ID != "go" || !strings.Contains(goStep.Run, "command -v go") || goStep.If != source {
		t.Errorf("step 2 must check `command -v go` with id go, only for a source build: %+v", goStep)
	}
	if !strings.HasPrefix(setup.Uses, "actions/setup-go@v5") || !strings.Contains(setup.If, "steps.go.outputs.found") || !strings.Contains(setup.If, source) {
		t.Errorf("step 3 must be actions/setup-go@v5 guarded by a source build and steps.go.outputs.found: %+v", setup)
	}
	if install.ID != "install" || install.If != "" || !strings.Contains(install.Run, "checksums.txt") ||
		!strings.Contains(install.Run, "go build") || install.Env["VERSION"] != "${{ steps.resolve.outputs.version }}" {
		t.Errorf("step 4 must download (checksums.txt) or build the resolved version: %+v", install)
	}
	if strings.Contains(install.Run, "go install") {
		t.Errorf("step 4 must not go install from the module proxy: a source build uses the action's own source")
	}
	if lint.ID != "lint" || !strings.Contains(lint.Run, `nestlint --format sarif -o "$out" --fail-level "$FAIL" $ARGS "$PATH_IN"`) ||
		lint.Env["WORKDIR"] != "${{ inputs.working-directory }}" {
		t.Errorf("step 5 must run nestlint with SARIF output in working-directory: %+v", lint)
	}
	if upload.Uses != "github/codeql-action/upload-sarif@v4" ||
		upload.If != "always() && inputs.upload == 'true' && steps.lint.outputs.sarif-file != ''" ||
		upload.With["sarif_file"] != "${{ steps.lint.outputs.sarif-file }}" || upload.With["category"] != "${{ inputs.category }}" {
		t.Errorf("step 6 must upload the written SARIF with upload-sarif@v4 and category inputs.category: %+v", upload)
	}
	if fail.If != "always()" || fail.Env["CODE"] != "${{ steps.lint.outputs.exit-code }}" {
		t.Errorf("step 7 must run always() and read the lint exit code: %+v", fail)
	}
	for _, s := range a.Steps {
		if s.Uses == "" && s.Shell != "bash" {
			t.Errorf("step %q: shell %q, want bash", s.Name, s.Shell)
		}
		if strings.Contains(s.Run, "${{") {
			t.Errorf("step %q interpolates an expression into its script; pass it through env instead:\n%s", s.Name, s.Run)
		}
	}
}

// TestActionSteps runs the action's shell steps locally with bash against
// testdata/apps/shop and validates the SARIF the lint step writes.
func TestActionSteps(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t, "the action's bash steps and the nestlint binary do the work")
	root := repoRoot(t)
	bash := need(t, "bash", "the action's steps are bash scripts")
	binDir, _ := nestlintBin(t)
	a := parseAction(t, filepath.Join(root, "action.yml"))
	path := binDir + string(os.PathListSeparator) + os.Getenv("PATH")

	// runStep runs one step's script in the repo root (the workspace) and
	// returns its exit code and $GITHUB_OUTPUT.
	runStep := func(t *testing.T, s actionStep, inputs map[string]string, extra ...string) (result, map[string]string) {
		t.Helper()
		return runActionStep(t, bash, root, s, inputs, append([]string{"PATH=" + path, "NESTLINT_DIR="}, extra...)...)
	}
	inputsWith := func(over map[string]string) map[string]string {
		in := map[string]string{}
		for k, v := range a.Inputs {
			in[k] = v
		}
		for k, v := range over {
			in[k] = v
		}
		return in
	}

	t.Run("check-go (source builds)", func(t *testing.T) {
		r, out := runStep(t, stepByID(t, a, "go"), a.Inputs)
		if r.code != 0 || out["found"] != "true" {
			t.Fatalf("exit %d, outputs %v; want found=true (go is on PATH)\n%s", r.code, out, r.stderr)
		}
	})

	lint := stepByID(t, a, "lint")
	var fail actionStep
	for _, s := range a.Steps {
		if s.Env["CODE"] != "" {
			fail = s
		}
	}

	cases := []struct {
		name     string
		inputs   map[string]string
		wantCode string
		sarif    bool
	}{
		{"findings fail at error", map[string]string{"fail-level": "error"}, "1", true},
		{"fail-level none", map[string]string{"fail-level": "none", "args": "--silent -j 2"}, "0", true},
		{"missing path", map[string]string{"path": "testdata/apps/no-such-app"}, "2", false},
		{"bad sarif name", map[string]string{"sarif-file": "nestlint.json"}, "2", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			over := map[string]string{"path": "testdata/apps/shop"}
			for k, v := range tc.inputs {
				over[k] = v
			}
			sarif := filepath.Join(t.TempDir(), "out", "nestlint.sarif")
			if over["sarif-file"] == "" {
				over["sarif-file"] = sarif
			}
			in := inputsWith(over)
			r, out := runStep(t, lint, in)
			if r.code != 0 {
				t.Fatalf("the lint step itself must succeed (so the upload runs); exit %d\n%s%s", r.code, r.stdout, r.stderr)
			}
			if out["exit-code"] != tc.wantCode {
				t.Fatalf("exit-code output %q, want %q\nstdout:\n%s\nstderr:\n%s", out["exit-code"], tc.wantCode, r.stdout, r.stderr)
			}
			// The sarif-file output (and so the upload) only when a SARIF was written.
			if got := out["sarif-file"]; (got != "") != tc.sarif || tc.sarif && got != over["sarif-file"] {
				t.Errorf("sarif-file output %q (SARIF written: %v)", got, tc.sarif)
			}
			if tc.sarif {
				b, err := os.ReadFile(sarif)
				if err != nil {
					t.Fatalf("lint step wrote no SARIF: %v", err)
				}
				if err := report.ValidateSchema(b); err != nil {
					t.Errorf("SARIF does not validate: %v", err)
				}
				if p := report.CheckIngestion(b); len(p) > 0 {
					t.Errorf("SARIF would not ingest:\n%s", strings.Join(p, "\n"))
				}
			}
			fr, _ := runStep(t, fail, in, "CODE="+out["exit-code"])
			if got := fr.code; (tc.wantCode == "0") != (got == 0) {
				t.Errorf("fail step with CODE=%s exited %d", tc.wantCode, got)
			}
		})
	}
	t.Run("fail step without a lint result", func(t *testing.T) {
		r, _ := runStep(t, fail, a.Inputs, "CODE=")
		if r.code == 0 {
			t.Errorf("fail step must fail when the lint step did not run")
		}
	})
}

// TestWorkflowAndDocs checks the code-scanning workflow and the workflows
// of its docs for the pieces GitHub code scanning needs (checklist A1,
// A3), read as YAML: every job that uploads SARIF (upload-sarif or the
// nestlint action) may write security events and read contents and
// actions; every upload-sarif step runs if: always(), uploads a .sarif
// file (not .quality.sarif) that an earlier step of the same job writes
// with --format sarif --exit-zero -o, and names a category; the docs show
// at least three distinct categories (one app, and a monorepo's two).
func TestWorkflowAndDocs(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	wf, err := os.ReadFile(filepath.Join(root, ".github/workflows/code-scanning.yml"))
	if err != nil {
		t.Fatal(err)
	}
	if cats := checkWorkflowYAML(t, "code-scanning.yml", string(wf)); len(cats) != 1 {
		t.Errorf("code-scanning.yml: %d uploads, want 1", len(cats))
	}

	doc, err := os.ReadFile(filepath.Join(root, "docs/github-code-scanning.md"))
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	seen := map[string]bool{}
	for i, b := range blocks {
		for _, c := range checkWorkflowYAML(t, fmt.Sprintf("docs/github-code-scanning.md yaml block %d", i+1), b[1]) {
			seen[c] = true
		}
	}
	if len(seen) < 3 {
		t.Errorf("docs/github-code-scanning.md: want the single-app category and a monorepo example with two distinct categories, got %v", seen)
	}
}

// wfStep is a workflow step.
type wfStep struct {
	Name string            `yaml:"name"`
	If   string            `yaml:"if"`
	Uses string            `yaml:"uses"`
	Run  string            `yaml:"run"`
	With map[string]string `yaml:"with"`
}

// checkWorkflowYAML checks a workflow, or a fragment of one (a list of
// steps, shown indented in the docs), and returns the categories it
// uploads SARIF under.
func checkWorkflowYAML(t *testing.T, name, text string) []string {
	t.Helper()
	var wf struct {
		Jobs map[string]struct {
			Permissions map[string]string `yaml:"permissions"`
			Steps       []wfStep          `yaml:"steps"`
		} `yaml:"jobs"`
	}
	type job struct {
		perms map[string]string // nil for a fragment
		steps []wfStep
	}
	var jobs []job
	if err := yaml.Unmarshal([]byte(text), &wf); err == nil && len(wf.Jobs) > 0 {
		for _, j := range wf.Jobs {
			jobs = append(jobs, job{j.Permissions, j.Steps})
		}
	} else {
		var steps []wfStep
		if err := yaml.Unmarshal([]byte(text), &steps); err != nil {
			t.Errorf("%s: neither a workflow nor a list of steps: %v", name, err)
			return nil
		}
		jobs = append(jobs, job{nil, steps})
	}
	outFlag := regexp.MustCompile(`(?:^|\s)-o\s+(\S+)`)
	var cats []string
	for _, j := range jobs {
		uploads := false
		written := map[string]bool{}
		for _, st := range j.steps {
			if strings.Contains(st.Run, "nestlint") && strings.Contains(st.Run, "--format sarif") {
				m := outFlag.FindStringSubmatch(st.Run)
				if m == nil || !strings.Contains(st.Run, "--exit-zero") {
					t.Errorf("%s: step %q writes SARIF without -o FILE and --exit-zero (findings would stop the job before the upload)", name, st.Name)
				} else {
					written[strings.Trim(m[1], `"'`)] = true
				}
			}
			switch {
			case strings.HasPrefix(st.Uses, "github/codeql-action/upload-sarif@"):
				uploads = true
				v := strings.TrimPrefix(st.Uses, "github/codeql-action/upload-sarif@")
				if major, err := strconv.Atoi(strings.TrimPrefix(strings.SplitN(v, ".", 2)[0], "v")); err != nil || major < 4 {
					t.Errorf("%s: upload-sarif@%s, want v4 or later", name, v)
				}
				if st.If != "always()" {
					t.Errorf("%s: upload step %q runs if %q, want always()", name, st.Name, st.If)
				}
				f := st.With["sarif_file"]
				if !written[f] {
					t.Errorf("%s: upload step %q uploads %q, which no earlier step writes", name, st.Name, f)
				}
				if !strings.HasSuffix(f, ".sarif") || strings.HasSuffix(f, ".quality.sarif") {
					t.Errorf("%s: SARIF file %q must end in .sarif (not .quality.sarif)", name, f)
				}
				if st.With["category"] == "" {
					t.Errorf("%s: upload step %q has no category", name, st.Name)
				}
				cats = append(cats, st.With["category"])
			case strings.HasPrefix(st.Uses, "nestlint/nestlint@"):
				uploads = true
				if f, ok := st.With["sarif-file"]; ok && (!strings.HasSuffix(f, ".sarif") || strings.HasSuffix(f, ".quality.sarif")) {
					t.Errorf("%s: SARIF file %q must end in .sarif (not .quality.sarif)", name, f)
				}
				if c := st.With["category"]; c != "" {
					cats = append(cats, c)
				}
			}
		}
		if uploads && j.perms != nil {
			for k, v := range map[string]string{"security-events": "write", "contents": "read", "actions": "read"} {
				if j.perms[k] != v {
					t.Errorf("%s: a job that uploads SARIF has permission %s: %q, want %s", name, k, j.perms[k], v)
				}
			}
		}
	}
	return cats
}
