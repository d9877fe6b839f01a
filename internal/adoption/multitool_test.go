package adoption_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nestlint/nestlint/internal/testmain"
)

// multitoolVersion is the SARIF multitool the strict gate was checked with
// (shared/sarif/README.md §2).
const multitoolVersion = "5.7.0"

// TestMultitool is the strict GitHub ingestion gate (checklist S12): the
// Microsoft SARIF multitool, with GH1001-GH1007 turned on as errors by
// testdata/multitool-gh-strict.xml (a copy of shared/sarif/), must report
// no error-level result on the example app's SARIF. It downloads the
// multitool from npm, so it runs only with NESTLINT_MULTITOOL=1 or CI=true.
func TestMultitool(t *testing.T) {
	t.Parallel()
	testmain.SkipUnderRace(t, "the SARIF multitool does the work")
	if os.Getenv("NESTLINT_MULTITOOL") != "1" && !inCI() {
		t.Skip("skipping: set NESTLINT_MULTITOOL=1 (or CI=true) to run the SARIF multitool gate; it installs @microsoft/sarif-multitool from npm")
	}
	root := repoRoot(t)
	npm := need(t, "npm", "install Node.js and npm")
	_, bin := nestlintBin(t)

	config, err := filepath.Abs(filepath.Join("testdata", "multitool-gh-strict.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(config); err != nil {
		t.Fatalf("multitool config: %v", err)
	}

	work := t.TempDir()
	sarif := filepath.Join(work, "nestlint.sarif")
	r := run(t, 2*time.Minute, root, nil, bin, "--format", "sarif", "--exit-zero", "-o", sarif, "./testdata/apps/shop")
	if r.code != 0 {
		t.Fatalf("nestlint: exit %d\n%s", r.code, r.stderr)
	}

	mtdir := filepath.Join(work, "multitool")
	r = run(t, 10*time.Minute, work, nil, npm, "install", "--no-audit", "--no-fund", "--prefix", mtdir,
		"@microsoft/sarif-multitool@"+multitoolVersion)
	t.Logf("npm install @microsoft/sarif-multitool@%s: exit %d in %v", multitoolVersion, r.code, r.took.Round(time.Millisecond))
	if r.code != 0 {
		t.Fatalf("npm install: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	// The native binary, not the npm bin.js wrapper: the wrapper goes
	// through /bin/sh and splits --rule-kind "Sarif;Ghas" at the ';'.
	mt := filepath.Join(mtdir, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")
	// Newer npm versions skip the package's postinstall (chmod u+x) unless
	// install scripts are allowed, so make it executable here.
	if err := os.Chmod(mt, 0o755); err != nil {
		t.Fatalf("multitool binary: %v", err)
	}

	errs := multitoolErrors(t, mt, config, sarif)
	if len(errs) > 0 {
		t.Errorf("the strict multitool gate found %d error-level results:\n%s", len(errs), strings.Join(errs, "\n"))
	}

	// Control: the gate must be able to fail. shared/sarif's broken example
	// (absolute file:// URI, no region, no message.text) gives errors.
	broken, err := filepath.Abs(filepath.Join("testdata", "broken-github-ingestion.sarif"))
	if err != nil {
		t.Fatal(err)
	}
	if errs := multitoolErrors(t, mt, config, broken); len(errs) == 0 {
		t.Errorf("the multitool found no error in %s: the gate does not work (GH rules not enabled?)", broken)
	} else {
		t.Logf("control: %d error-level results on the broken example, as expected", len(errs))
	}
}

// multitoolErrors runs the strict validation on sarif and returns its
// error-level results; other results are logged.
func multitoolErrors(t *testing.T, mt, config, sarif string) []string {
	t.Helper()
	work := t.TempDir()
	out := filepath.Join(work, "validation.sarif")
	r := run(t, 5*time.Minute, work, []string{"DOTNET_CLI_TELEMETRY_OPTOUT=1"}, mt, "validate", sarif,
		"--rule-kind", "Sarif;Ghas", "-c", config, "-o", out, "--log", "ForceOverwrite")
	t.Logf("Sarif.Multitool validate %s: exit %d in %v", filepath.Base(sarif), r.code, r.took.Round(time.Millisecond))
	// The exit code is 0 even when errors are found: gate on the log.
	if r.code != 0 {
		t.Fatalf("multitool: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("multitool wrote no validation log: %v\n%s%s", err, r.stdout, r.stderr)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID string `json:"id"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct {
					Text      string   `json:"text"`
					ID        string   `json:"id"`
					Arguments []string `json:"arguments"`
				} `json:"message"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b, &log); err != nil {
		t.Fatalf("validation log: %v", err)
	}
	if len(log.Runs) == 0 {
		t.Fatalf("validation log has no run:\n%s", b)
	}
	levels := map[string]int{}
	var errs []string
	for _, run := range log.Runs {
		for _, res := range run.Results {
			lvl := res.Level
			if lvl == "" {
				lvl = "warning" // the SARIF default
			}
			levels[lvl]++
			msg := res.Message.Text
			if msg == "" {
				msg = res.Message.ID + " " + strings.Join(res.Message.Arguments, " | ")
			}
			line := fmt.Sprintf("%s %s: %s", lvl, res.RuleID, msg)
			if lvl == "error" {
				errs = append(errs, line)
			} else {
				t.Log(line)
			}
		}
	}
	t.Logf("multitool results by level on %s: %v", filepath.Base(sarif), levels)
	return errs
}
