package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/eventloop/syncio"
	"github.com/nestlint/nestlint/rules/lint"
	"github.com/nestlint/nestlint/rules/nestlint/unuseddisable"
)

// runSyncUnused runs sync-io and nestlint/unused-disable.
func runSyncUnused(t *testing.T, args ...string) result {
	t.Helper()
	return runRules(t, []*lint.Rule{syncio.Rule, unuseddisable.Rule}, args...)
}

const helperTS = `import { Injectable } from '@nestjs/common';
import * as fs from 'fs';

@Injectable()
export class Helper {
  a() {
    return fs.readFileSync('/etc/a.json', 'utf8');
  }
  b() {
    return fs.readFileSync('/etc/b.json', 'utf8');
  }
}
`

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSuppressionsCLI(t *testing.T) {
	dir := t.TempDir()
	src := strings.Replace(helperTS, "  a() {\n", "  a() {\n    // nestlint-disable-next-line event-loop/sync-io -- read once at startup\n", 1)
	src = strings.Replace(src, "'/etc/b.json', 'utf8');", "'/etc/b.json', 'utf8'); // nestlint-disable-line event-loop/sync-oi", 1)
	path := filepath.Join(dir, "helper.ts")
	writeFile(t, path, src)

	res := runSyncUnused(t, "--format", "json", path)
	var out struct {
		Diagnostics []struct {
			RuleID        string `json:"rule"`
			Message       string `json:"message"`
			Suppressed    bool   `json:"suppressed"`
			Justification string `json:"justification"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &out); err != nil {
		t.Fatalf("%v\n%s", err, res)
	}
	var suppressed, syncOpen, unknown, noReason int
	for _, d := range out.Diagnostics {
		switch {
		case d.Suppressed && d.Justification == "read once at startup":
			suppressed++
		case d.RuleID == "event-loop/sync-io" && !d.Suppressed:
			syncOpen++
		case strings.Contains(d.Message, `unknown rule id "event-loop/sync-oi"`):
			unknown++
		case strings.Contains(d.Message, "without a reason"):
			noReason++
		}
	}
	if suppressed != 1 || syncOpen != 1 || unknown != 1 || noReason != 1 {
		t.Errorf("suppressed %d, open %d, unknown %d, no reason %d:\n%s", suppressed, syncOpen, unknown, noReason, res)
	}

	sarif := runSyncUnused(t, "--format", "sarif", path)
	if !strings.Contains(sarif.stdout, `"kind": "inSource"`) || !strings.Contains(sarif.stdout, `"justification": "read once at startup"`) {
		t.Errorf("SARIF lacks the suppression:\n%s", sarif.stdout)
	}
	text := runSyncUnused(t, path)
	if strings.Contains(text.stdout, "helper.ts:6:") || !strings.Contains(text.stderr, "(1 suppressed)") {
		t.Errorf("text output shows the suppressed finding:\n%s", text)
	}
}

func TestSuppressAllKeepsExitZero(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "helper.ts")
	writeFile(t, path, "/* nestlint-disable -- legacy helper, see #12 */\n"+helperTS)
	res := runSyncUnused(t, path)
	if res.code != exitOK || !strings.Contains(res.stderr, "(2 suppressed)") {
		t.Errorf("want exit 0 with 2 suppressed:\n%s", res)
	}
}

func TestBaselineCLI(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "helper.ts")
	writeFile(t, path, helperTS)
	base := filepath.Join(dir, "nestlint-baseline.json")

	w := runSync(t, "--write-baseline", base, path)
	if w.code != exitOK || !strings.Contains(w.stderr, "wrote 2 findings") {
		t.Fatalf("write-baseline:\n%s", w)
	}
	first, _ := os.ReadFile(base)
	if !strings.Contains(string(first), `"version": 1`) {
		t.Errorf("baseline without version:\n%s", first)
	}
	runSync(t, "--write-baseline", base, path)
	if again, _ := os.ReadFile(base); string(again) != string(first) {
		t.Errorf("baseline not deterministic:\n%s\n%s", first, again)
	}

	// An edit above the findings moves them: still baselined.
	writeFile(t, path, "// a comment\n\n"+helperTS)
	if res := runSync(t, "--baseline", base, path); res.code != exitOK || res.stdout != "" {
		t.Errorf("moved findings reported:\n%s", res)
	}

	// A new finding is reported; SARIF still holds the baselined ones.
	added := strings.Replace("// a comment\n\n"+helperTS, "  b() {", "  c() {\n    return fs.readFileSync('/etc/c.json', 'utf8');\n  }\n  b() {", 1)
	writeFile(t, path, added)
	res := runSync(t, "--baseline", base, path)
	if res.code != exitFindings || strings.Count(res.stdout, "event-loop/sync-io") != 1 || !strings.Contains(res.stdout, "helper.ts:12:") {
		t.Errorf("want only the new finding:\n%s", res)
	}
	sarif := runSync(t, "--baseline", base, "--format", "sarif", path)
	if strings.Count(sarif.stdout, `"baselineState": "unchanged"`) != 2 || strings.Count(sarif.stdout, `"baselineState": "new"`) != 1 {
		t.Errorf("SARIF baseline states wrong:\n%s", sarif.stdout)
	}

	// Fixing an old finding counts it as gone.
	fixed := strings.Replace(added, "fs.readFileSync('/etc/a.json', 'utf8')", "'{}'", 1)
	writeFile(t, path, fixed)
	res = runSync(t, "--baseline", base, path)
	if !strings.Contains(res.stderr, "1 baselined finding is fixed; run --write-baseline to update") {
		t.Errorf("fixed finding not counted:\n%s", res)
	}
}

func TestBaselineBadFile(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "b.json")
	writeFile(t, base, `{"version": 99, "findings": []}`)
	if res := runSync(t, "--baseline", base, dir); res.code != exitUsage || !strings.Contains(res.stderr, "version 99") {
		t.Errorf("bad baseline:\n%s", res)
	}
	if res := runSync(t, "--baseline", filepath.Join(dir, "missing.json"), dir); res.code != exitUsage {
		t.Errorf("missing baseline:\n%s", res)
	}
}
