package report

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/lint"
)

// sarifDoc is the part of a SARIF log the tests read back.
type sarifDoc struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name            string         `json:"name"`
				Version         string         `json:"version"`
				SemanticVersion string         `json:"semanticVersion"`
				InformationURI  string         `json:"informationUri"`
				Rules           []sarifDocRule `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Invocations []struct {
			ExecutionSuccessful        bool `json:"executionSuccessful"`
			ToolExecutionNotifications []struct {
				Level          string
				Message        struct{ Text string }
				Locations      []sarifLocation
				AssociatedRule *struct {
					ID    string
					Index *int
				} `json:"associatedRule"`
			} `json:"toolExecutionNotifications"`
		} `json:"invocations"`
		AutomationDetails *struct{ ID string } `json:"automationDetails"`
		ColumnKind        string               `json:"columnKind"`
		Results           []sarifResult        `json:"results"`
	} `json:"runs"`
}

type sarifDocRule struct {
	ID                   string `json:"id"`
	Name                 string `json:"name"`
	ShortDescription     struct{ Text string }
	FullDescription      struct{ Text string }
	Help                 struct{ Text, Markdown string }
	HelpURI              string `json:"helpUri"`
	DefaultConfiguration struct{ Level string }
	Properties           map[string]any
}

func decodeSARIF(t testing.TB, b []byte) sarifDoc {
	t.Helper()
	var d sarifDoc
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(d.Runs))
	}
	return d
}

// checkSARIF runs every check a nestlint SARIF log must pass.
func checkSARIF(t *testing.T, b []byte) sarifDoc {
	t.Helper()
	if err := ValidateSchema(b); err != nil {
		t.Errorf("schema: %v", err)
	}
	for _, p := range CheckIngestion(b) {
		t.Errorf("ingestion: %s", p)
	}
	if bytes.Contains(b, []byte("null")) {
		t.Error("log contains null")
	}
	if !bytes.HasSuffix(b, []byte("}\n")) {
		t.Error("log does not end with a newline")
	}
	for _, esc := range []string{`\u003c`, `\u003e`, `\u0026`} {
		if bytes.Contains(b, []byte(esc)) {
			t.Errorf("log escapes HTML: %s", esc)
		}
	}
	d := decodeSARIF(t, b)
	run := d.Runs[0]
	for i, res := range run.Results {
		if res.RuleIndex < 0 || res.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("results[%d]: ruleIndex %d does not name %s", i, res.RuleIndex, res.RuleID)
		}
		reg := res.Locations[0].PhysicalLocation.Region
		if len(res.Locations) != 1 || reg == nil || reg.StartLine < 1 || reg.StartColumn < 1 || reg.EndLine < reg.StartLine ||
			(reg.EndLine == reg.StartLine && reg.EndColumn <= reg.StartColumn) {
			t.Errorf("results[%d]: bad location %+v", i, res.Locations)
		}
	}
	if !slices.IsSortedFunc(run.Tool.Driver.Rules, func(a, b sarifDocRule) int { return strings.Compare(a.ID, b.ID) }) {
		t.Error("rules are not sorted by id")
	}
	return d
}

func TestSARIFGolden(t *testing.T) {
	t.Parallel()
	r := testRun(t)
	got := format(t, SARIF{}, r)
	golden(t, "sarif.golden", got)
	d := checkSARIF(t, got)

	if d.Schema != SARIFSchemaURI || d.Version != "2.1.0" {
		t.Errorf("$schema %q version %q", d.Schema, d.Version)
	}
	run := d.Runs[0]
	drv := run.Tool.Driver
	if drv.Name != "nestlint" || drv.Version != "v0.3.0" || drv.SemanticVersion != "0.3.0" || drv.InformationURI != InformationURI {
		t.Errorf("driver %+v", drv)
	}
	var ids []string
	for _, rl := range drv.Rules {
		ids = append(ids, rl.ID)
	}
	if want := []string{"di/missing-injectable", "di/unused-provider", "event-loop/sync-io", "security/hardcoded-secret"}; !slices.Equal(ids, want) {
		t.Errorf("rules %q, want %q (every enabled rule, also without results)", ids, want)
	}
	if run.ColumnKind != "utf16CodeUnits" {
		t.Errorf("columnKind %q", run.ColumnKind)
	}
	if run.AutomationDetails != nil {
		t.Error("automationDetails present without a category")
	}
	if len(run.Invocations) != 1 || !run.Invocations[0].ExecutionSuccessful {
		t.Errorf("invocations %+v", run.Invocations)
	}
	if len(run.Results) != len(r.Diagnostics) {
		t.Errorf("%d results for %d diagnostics", len(run.Results), len(r.Diagnostics))
	}
	for _, bad := range []string{"originalUriBaseIds", "workingDirectory", "file://", "/work/", "\"..", "./"} {
		if bytes.Contains(got, []byte(bad)) {
			t.Errorf("log contains %q", bad)
		}
	}

	again := format(t, SARIF{}, testRun(t))
	if !bytes.Equal(got, again) {
		t.Error("two runs gave different bytes")
	}
}

// TestSARIFDescriptors checks S3 on the synthetic rules.
func TestSARIFDescriptors(t *testing.T) {
	t.Parallel()
	d := decodeSARIF(t, format(t, SARIF{}, testRun(t)))
	for _, rl := range d.Runs[0].Tool.Driver.Rules {
		t.Run(rl.ID, func(t *testing.T) {
			if rl.Name == "" || rl.Name == rl.ID {
				t.Errorf("name %q", rl.Name)
			}
			if rl.ShortDescription.Text == "" || rl.FullDescription.Text == "" || rl.Help.Text == "" || rl.Help.Markdown == "" {
				t.Errorf("missing text: %+v", rl)
			}
			if rl.HelpURI != lint.HelpURLBase+rl.ID+".md" {
				t.Errorf("helpUri %q", rl.HelpURI)
			}
			if !slices.Contains([]string{"note", "warning", "error"}, rl.DefaultConfiguration.Level) {
				t.Errorf("level %q", rl.DefaultConfiguration.Level)
			}
			props := rl.Properties
			tags, _ := props["tags"].([]any)
			if len(tags) < 1 || props["precision"] == nil {
				t.Errorf("properties %v", props)
			}
			_, sec := props["security-severity"]
			_, prob := props["problem.severity"]
			isSec := slices.Contains(tags, any("security"))
			if sec != isSec || prob == isSec {
				t.Errorf("security=%v but properties %v", isSec, props)
			}
		})
	}
	for _, rl := range testRules() {
		if p := CheckRule(rl); len(p) > 0 {
			t.Errorf("CheckRule(%s): %q", rl.ID, p)
		}
	}
	if rl := d.Runs[0].Tool.Driver.Rules[3]; rl.Properties["security-severity"] != "7.5" {
		t.Errorf("security-severity = %v", rl.Properties["security-severity"])
	}
}

func TestCheckRule(t *testing.T) {
	t.Parallel()
	rl := newTestRule(lint.Meta{ID: "x/bad", Name: "bad", Severity: lint.Warning, Tags: []string{"security"}}, "bad rule")
	p := strings.Join(CheckRule(rl), "\n")
	for _, want := range []string{"precision", "SecuritySeverity"} {
		if !strings.Contains(p, want) {
			t.Errorf("CheckRule misses %q:\n%s", want, p)
		}
	}
	many := newTestRule(lint.Meta{ID: "x/many", Name: "many", Severity: lint.Warning, Precision: lint.Low,
		Tags: strings.Split("a b c d e f g h i j k", " ")}, "too many tags")
	if p := CheckRule(many); len(p) != 1 || !strings.Contains(p[0], "11 tags") {
		t.Errorf("CheckRule(many) = %q", p)
	}
}

// TestSARIFResults checks the result details: UTF-16 columns,
// fingerprints, related locations, the path, fixes, suppressions and
// baseline states.
func TestSARIFResults(t *testing.T) {
	t.Parallel()
	d := decodeSARIF(t, format(t, SARIF{}, testRun(t)))
	byRule := map[string][]sarifResult{}
	for _, res := range d.Runs[0].Results {
		byRule[res.RuleID] = append(byRule[res.RuleID], res)
	}

	t.Run("unicode columns and fingerprint", func(t *testing.T) {
		res := byRule["security/hardcoded-secret"][0]
		pl := res.Locations[0].PhysicalLocation
		if pl.ArtifactLocation.URI != "fingerprints/unicode.ts" || pl.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("artifactLocation %+v", pl.ArtifactLocation)
		}
		if got, want := *pl.Region, (sarifRegion{StartLine: 2, StartColumn: 35, EndLine: 2, EndColumn: 40}); got != want {
			t.Errorf("region %+v, want %+v", got, want)
		}
		if got := res.PartialFingerprints[FingerprintKey]; got != "1ba03d2173c3bff9:1" {
			t.Errorf("fingerprint %q", got)
		}
		if res.Level != "error" || res.BaselineState != "unchanged" {
			t.Errorf("level %q baselineState %q", res.Level, res.BaselineState)
		}
	})

	t.Run("fingerprint of cats.service.ts line 4", func(t *testing.T) {
		res := byRule["di/missing-injectable"][0]
		if got := res.PartialFingerprints[FingerprintKey]; got != "7ac92f73993998e:1" {
			t.Errorf("fingerprint %q", got)
		}
	})

	t.Run("related location and fix", func(t *testing.T) {
		res := byRule["di/missing-injectable"][0]
		if len(res.RelatedLocations) != 1 || res.RelatedLocations[0].ID != 1 || res.RelatedLocations[0].Message.Text != "listed in CatsModule.providers" {
			t.Fatalf("relatedLocations %+v", res.RelatedLocations)
		}
		if want := "provider CatsService is not decorated with @Injectable() (see [listed in CatsModule.providers](1))"; res.Message.Text != want {
			t.Errorf("message %q, want %q", res.Message.Text, want)
		}
		if got := *res.RelatedLocations[0].PhysicalLocation.Region; got.StartLine != 3 || got.StartColumn != 23 {
			t.Errorf("related region %+v (crlf.module.ts line 3)", got)
		}
		if len(res.Fixes) != 1 || res.Fixes[0].Description.Text != "add @Injectable() to CatsService" {
			t.Fatalf("fixes %+v", res.Fixes)
		}
		ch := res.Fixes[0].ArtifactChanges
		if len(ch) != 1 || ch[0].ArtifactLocation.URI != "fingerprints/cats.service.ts" || len(ch[0].Replacements) != 1 {
			t.Fatalf("artifactChanges %+v", ch)
		}
		rep := ch[0].Replacements[0]
		if rep.DeletedRegion != (sarifRegion{StartLine: 4, StartColumn: 1, EndLine: 4, EndColumn: 1}) || rep.InsertedContent.Text != "@Injectable()\n" {
			t.Errorf("replacement %+v %+v", rep.DeletedRegion, rep.InsertedContent)
		}
		if res.BaselineState != "new" {
			t.Errorf("baselineState %q", res.BaselineState)
		}
	})

	t.Run("path", func(t *testing.T) {
		var res sarifResult
		for _, r := range byRule["event-loop/sync-io"] {
			if r.Level == "error" {
				res = r
			}
		}
		if len(res.CodeFlows) != 1 || len(res.CodeFlows[0].ThreadFlows) != 1 {
			t.Fatalf("codeFlows %+v", res.CodeFlows)
		}
		steps := res.CodeFlows[0].ThreadFlows[0].Locations
		if len(steps) != 2 || steps[0].Location.Message.Text != "CatsController.findAll" || steps[1].Location.Message.Text != "CatsService.load" {
			t.Errorf("steps %+v", steps)
		}
		if len(res.RelatedLocations) != 1 || res.RelatedLocations[0].Message.Text != "entry point CatsController.findAll" {
			t.Errorf("relatedLocations %+v", res.RelatedLocations)
		}
		if !strings.HasSuffix(res.Message.Text, " (entry point [CatsController.findAll](1))") {
			t.Errorf("message %q", res.Message.Text)
		}
		// crlf.module.ts line 4: "export class CatsModule" with CRLF endings.
		if got := *res.Locations[0].PhysicalLocation.Region; got != (sarifRegion{StartLine: 4, StartColumn: 14, EndLine: 4, EndColumn: 24}) {
			t.Errorf("region %+v", got)
		}
		if got := res.PartialFingerprints[FingerprintKey]; got != "36008453ea165bc6:1" {
			t.Errorf("fingerprint %q", got)
		}
	})

	t.Run("suppressed, percent-encoded path", func(t *testing.T) {
		var res sarifResult
		for _, r := range byRule["di/missing-injectable"] {
			if len(r.Suppressions) > 0 {
				res = r
			}
		}
		if len(res.Suppressions) != 1 || res.Suppressions[0] != (sarifSuppression{Kind: "inSource", Justification: "registered by a factory"}) {
			t.Fatalf("suppressions %+v", res.Suppressions)
		}
		if got := res.Locations[0].PhysicalLocation.ArtifactLocation.URI; got != "paths/my%20app/caf%C3%A9.service.ts" {
			t.Errorf("uri %q", got)
		}
		if got := *res.Locations[0].PhysicalLocation.Region; got != (sarifRegion{StartLine: 3, StartColumn: 14, EndLine: 3, EndColumn: 25}) {
			t.Errorf("region %+v", got)
		}
		if res.PartialFingerprints[FingerprintKey] == "" {
			t.Error("no fingerprint")
		}
	})
}

// TestSARIFCROnly: a finding in a file with only CR line breaks gets the
// line number and fingerprint GitHub computes for that line.
func TestSARIFCROnly(t *testing.T) {
	t.Parallel()
	src, _ := readTestdata("lines/cr-only.ts")
	r := &Run{Rules: testRules(), Source: readTestdata, Successful: true, Diagnostics: []Diagnostic{{
		RuleID: "event-loop/sync-io", Severity: lint.Error, Message: "m",
		Location: loc(t, "lines/cr-only.ts", "findAll", 0, ""),
	}}}
	d := checkSARIF(t, format(t, SARIF{}, r))
	res := d.Runs[0].Results[0]
	if got := *res.Locations[0].PhysicalLocation.Region; got != (sarifRegion{StartLine: 4, StartColumn: 3, EndLine: 4, EndColumn: 10}) {
		t.Errorf("region %+v", got)
	}
	if got, want := res.PartialFingerprints[FingerprintKey], LineHashes(src)[3]; got != want {
		t.Errorf("fingerprint %q, want %q", got, want)
	}
}

func TestSARIFClean(t *testing.T) {
	t.Parallel()
	r := &Run{Tool: "nestlint", Version: "0.1.0", Rules: testRules(), Successful: true}
	got := format(t, SARIF{}, r)
	checkSARIF(t, got)
	if !bytes.Contains(got, []byte(`"results": []`)) {
		t.Errorf("want \"results\": [] in\n%s", got)
	}
	if d := decodeSARIF(t, got); len(d.Runs[0].Tool.Driver.Rules) != 4 {
		t.Errorf("want every rule also on a clean run")
	}
}

func TestSARIFCategory(t *testing.T) {
	t.Parallel()
	for _, cat := range []string{"nestlint", "nestlint/"} {
		r := &Run{Rules: testRules(), Category: cat, Successful: true}
		d := checkSARIF(t, format(t, SARIF{}, r))
		if ad := d.Runs[0].AutomationDetails; ad == nil || ad.ID != "nestlint/" {
			t.Errorf("category %q: automationDetails %+v", cat, ad)
		}
	}
}

// TestSARIFToolError: a rule that panicked is reported as an error
// notification naming the rule and the file, and executionSuccessful is
// false; the log stays valid (S18).
func TestSARIFToolError(t *testing.T) {
	t.Parallel()
	r := testRun(t)
	r.Successful = false
	r.Notices = append(r.Notices,
		Notice{Level: lint.Error, Message: "rule event-loop/sync-io panicked on fingerprints/unicode.ts: boom", File: "fingerprints/unicode.ts", Start: 3, RuleID: "event-loop/sync-io"},
		Notice{Level: lint.Error, Message: "rule gone/away panicked", Start: -1, RuleID: "gone/away"},
	)
	d := checkSARIF(t, format(t, SARIF{}, r))
	inv := d.Runs[0].Invocations[0]
	if inv.ExecutionSuccessful {
		t.Error("executionSuccessful is true")
	}
	ns := inv.ToolExecutionNotifications
	if len(ns) != 3 {
		t.Fatalf("%d notifications, want 3", len(ns))
	}
	if ns[0].Level != "warning" || ns[0].Locations[0].PhysicalLocation.ArtifactLocation.URI != "fingerprints/bom.ts" || ns[0].Locations[0].PhysicalLocation.Region != nil {
		t.Errorf("notification 0: %+v", ns[0])
	}
	n := ns[1]
	if n.Level != "error" || n.AssociatedRule == nil || n.AssociatedRule.ID != "event-loop/sync-io" || n.AssociatedRule.Index == nil || *n.AssociatedRule.Index != 2 {
		t.Errorf("notification 1: %+v", n)
	}
	if reg := n.Locations[0].PhysicalLocation.Region; reg == nil || reg.StartLine != 1 || reg.StartColumn != 4 {
		t.Errorf("notification 1 region %+v", reg)
	}
	if n := ns[2]; n.AssociatedRule == nil || n.AssociatedRule.ID != "gone/away" || n.AssociatedRule.Index != nil {
		t.Errorf("notification 2: %+v", n)
	}
}

// TestSARIFUnknownRule: a diagnostic whose rule is not in Run.Rules still
// gets a descriptor and a correct ruleIndex.
func TestSARIFUnknownRule(t *testing.T) {
	t.Parallel()
	r := &Run{Rules: testRules(), Successful: true, Source: readTestdata, Diagnostics: []Diagnostic{
		{RuleID: "nestlint/parse-error", Severity: lint.Error, Message: "cannot parse", Location: Location{File: "fingerprints/bom.ts", Start: 3, End: 3}},
	}}
	d := checkSARIF(t, format(t, SARIF{}, r))
	res := d.Runs[0].Results[0]
	if d.Runs[0].Tool.Driver.Rules[res.RuleIndex].ID != "nestlint/parse-error" {
		t.Errorf("ruleIndex %d", res.RuleIndex)
	}
	// The empty range at "export" is widened to one character.
	if got := *res.Locations[0].PhysicalLocation.Region; got != (sarifRegion{StartLine: 1, StartColumn: 2, EndLine: 1, EndColumn: 3}) {
		t.Errorf("region %+v", got)
	}
}

func TestFileURI(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"src/app.module.ts", "src/app.module.ts"},
		{"my app/café.ts", "my%20app/caf%C3%A9.ts"},
		{"a#b%c?.ts", "a%23b%25c%3F.ts"},
		{"./src/x.ts", "src/x.ts"},
		{`src\back\slash.ts`, "src%5Cback%5Cslash.ts"}, // a POSIX name (issue 13 item 14)
		{"../x.ts", "x.ts"},
		{"src/../lib/x.ts", "lib/x.ts"},
		{"/abs/x.ts", "abs/x.ts"},
		{"c:x.ts", "c%3Ax.ts"},
		{"(group)/[id]/page.ts", "(group)/%5Bid%5D/page.ts"},
		{"한글/😀.ts", "%ED%95%9C%EA%B8%80/%F0%9F%98%80.ts"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := FileURI(tc.in); got != tc.want {
				t.Errorf("FileURI(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestMessageText(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		d    Diagnostic
		want string
	}{
		{"plain", Diagnostic{Message: "a[0] is not a link"}, "a[0] is not a link"},
		{"looks like a link", Diagnostic{Message: "callbacks[42](0) is called"}, `callbacks\[42\](0) is called`},
		{"empty", Diagnostic{RuleID: "x/y"}, "x/y"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := messageText(&tc.d, nil); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	if got, want := link("a[1]", 3), `[a\[1\]](3)`; got != want {
		t.Errorf("link = %q, want %q", got, want)
	}
}

// TestSARIFCaps feeds more than 25,000 findings, one result with more than
// 1,000 related locations, one with a path of more than 10,000 steps and a
// rule with more than 20 tags.
func TestSARIFCaps(t *testing.T) {
	t.Parallel()
	// Small caps keep the test fast; WriteSARIF applies the same code with
	// the GitHub limits (TestSARIFDefaultCaps).
	caps := sarifCaps{results: 60, locationsPerResult: 12, threadFlowLocations: 30, tagsPerRule: MaxTagsPerRule}
	const extra = 7
	rules := testRules()
	tagged := newTestRule(lint.Meta{ID: "zz/tags", Name: "tags", Severity: lint.Note, Precision: lint.Low,
		Tags: strings.Split(strings.Repeat("t ", 25), " ")[:25]}, "many tags")
	rules = append(rules, tagged)

	src := []byte(strings.Repeat("const x = 1;\n", 100))
	source := func(string) ([]byte, bool) { return src, true }
	var ds []Diagnostic
	for i := range caps.results + extra {
		ds = append(ds, Diagnostic{RuleID: "di/unused-provider", Severity: lint.Note, Message: fmt.Sprintf("n%d", i),
			Location: Location{File: fmt.Sprintf("src/f%05d.ts", i), Start: 6, End: 7}})
	}
	// The most severe findings sort last, yet must be kept.
	for i := range extra {
		ds = append(ds, Diagnostic{RuleID: "event-loop/sync-io", Severity: lint.Error, Message: fmt.Sprintf("e%d", i),
			Location: Location{File: "zz/last.ts", Start: 13 * i, End: 13*i + 5}})
	}
	big := &ds[len(ds)-1]
	for i := range caps.locationsPerResult + 5 {
		big.Related = append(big.Related, Location{File: "src/r.ts", Start: i % 1300, End: i%1300 + 1, Message: fmt.Sprintf("r%d", i)})
	}
	long := &ds[len(ds)-2]
	for i := range caps.threadFlowLocations + 5 {
		long.Path = append(long.Path, Location{File: "src/p.ts", Start: i % 1300, End: i%1300 + 1, Message: fmt.Sprintf("s%d", i)})
	}
	Sort(ds)
	r := &Run{Tool: "nestlint", Version: "1.0.0", Rules: rules, Diagnostics: ds, Source: source, Successful: true}

	var b bytes.Buffer
	capped, err := writeSARIF(&b, r, caps)
	if err != nil {
		t.Fatal(err)
	}
	if len(capped) != 4 {
		t.Errorf("capped = %+v, want 4 notices (results, related, path, tags)", capped)
	}
	for _, n := range capped {
		if n.Level != lint.Warning || !strings.HasPrefix(n.Message, "sarif: ") {
			t.Errorf("cap notice %+v", n)
		}
	}
	d := decodeSARIF(t, b.Bytes())
	run := d.Runs[0]
	if len(run.Results) != caps.results {
		t.Fatalf("%d results, want %d", len(run.Results), caps.results)
	}
	errs := 0
	for _, res := range run.Results {
		if res.Level == "error" {
			errs++
		}
		if len(res.RelatedLocations) > caps.locationsPerResult {
			t.Errorf("%d related locations", len(res.RelatedLocations))
		}
		for _, cf := range res.CodeFlows {
			if n := len(cf.ThreadFlows[0].Locations); n != caps.threadFlowLocations {
				t.Errorf("%d thread-flow locations, want %d", n, caps.threadFlowLocations)
			}
		}
	}
	if errs != extra {
		t.Errorf("kept %d errors, want all %d", errs, extra)
	}
	if !slices.IsSortedFunc(run.Results, func(a, b sarifResult) int {
		return strings.Compare(a.Locations[0].PhysicalLocation.ArtifactLocation.URI, b.Locations[0].PhysicalLocation.ArtifactLocation.URI)
	}) {
		t.Error("kept results are not in sorted order")
	}
	for _, rl := range run.Tool.Driver.Rules {
		if tags, _ := rl.Properties["tags"].([]any); len(tags) > caps.tagsPerRule {
			t.Errorf("%s has %d tags", rl.ID, len(tags))
		}
	}
	if got := len(run.Invocations[0].ToolExecutionNotifications); got != 4 {
		t.Errorf("%d toolExecutionNotifications, want 4", got)
	}
	// A log at GitHub's caps stays under its 10 MiB upload limit: the
	// gzipped size per kept result, scaled to MaxResults (an overestimate:
	// a longer log of the same results compresses better).
	gz := gzipLen(t, b.Bytes())
	if est := gz / caps.results * MaxResults; est > 10<<20 {
		t.Errorf("a capped log would gzip to about %d bytes, want < 10 MiB", est)
	} else {
		t.Logf("capped log: %d bytes, %d gzipped; about %d gzipped at %d results", b.Len(), gz, est, MaxResults)
	}
}

// TestSARIFDefaultCaps: WriteSARIF applies GitHub's limits.
func TestSARIFDefaultCaps(t *testing.T) {
	t.Parallel()
	want := sarifCaps{results: 25000, locationsPerResult: 1000, threadFlowLocations: 10000, tagsPerRule: 20}
	if defaultCaps != want {
		t.Errorf("defaultCaps = %+v, want %+v", defaultCaps, want)
	}
}

// TestSARIFSize: a moderate log (1,000 findings) gzips far below GitHub's
// 10 MB upload limit.
func TestSARIFSize(t *testing.T) {
	t.Parallel()
	r := testRun(t)
	base := r.Diagnostics
	r.Diagnostics = nil
	for i := range 200 {
		for _, d := range base {
			d.Message = fmt.Sprintf("%s #%d", d.Message, i)
			r.Diagnostics = append(r.Diagnostics, d)
		}
	}
	Sort(r.Diagnostics)
	b := format(t, SARIF{}, r)
	gz := gzipLen(t, b)
	t.Logf("%d results: %d bytes, %d gzipped", len(r.Diagnostics), len(b), gz)
	if gz > 200<<10 {
		t.Errorf("gzipped log of 1,000 results is %d bytes, want < 200 KiB", gz)
	}
}

func gzipLen(t testing.TB, b []byte) int {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Len()
}

// TestSARIFCheckoutIndependent: the same findings read from two different
// checkout directories give byte-identical logs (S13).
func TestSARIFCheckoutIndependent(t *testing.T) {
	t.Parallel()
	var logs [][]byte
	for range 2 {
		dir := t.TempDir()
		if err := os.CopyFS(dir, os.DirFS("testdata")); err != nil {
			t.Fatal(err)
		}
		r := testRun(t)
		r.Source = func(f string) ([]byte, bool) {
			b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
			return b, err == nil
		}
		b := format(t, SARIF{}, r)
		if bytes.Contains(b, []byte(dir)) {
			t.Errorf("log contains the checkout path %s", dir)
		}
		logs = append(logs, b)
	}
	if !bytes.Equal(logs[0], logs[1]) {
		t.Error("logs differ between checkouts")
	}
}

// TestSARIFNoSource: without file contents every position is 1:1 and no
// fingerprint is written (upload-sarif then computes it); the log is
// still valid.
func TestSARIFNoSource(t *testing.T) {
	t.Parallel()
	r := testRun(t)
	r.Source = nil
	d := checkSARIF(t, format(t, SARIF{}, r))
	for _, res := range d.Runs[0].Results {
		if res.PartialFingerprints != nil {
			t.Errorf("fingerprint without source: %v", res.PartialFingerprints)
		}
		if reg := res.Locations[0].PhysicalLocation.Region; reg.StartLine != 1 || reg.StartColumn != 1 {
			t.Errorf("region %+v", reg)
		}
	}
}

func TestSARIFResultProperties(t *testing.T) {
	t.Parallel()
	r := &Run{Rules: testRules(), Source: readTestdata, Successful: true, Diagnostics: []Diagnostic{{
		RuleID: "event-loop/sync-io", Severity: lint.Error, Message: "m",
		Location:   loc(t, "lines/cr-only.ts", "findAll", 0, ""),
		Properties: map[string]string{"attack": "'aaaa!'", "growth": "x2.00"},
	}, {
		RuleID: "event-loop/sync-io", Severity: lint.Error, Message: "no properties",
		Location: loc(t, "lines/cr-only.ts", "findAll", 0, ""),
	}}}
	b := format(t, SARIF{}, r)
	checkSARIF(t, b)
	var doc struct {
		Runs []struct {
			Results []struct {
				Message    struct{ Text string }
				Properties map[string]any
			}
		}
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	for _, res := range doc.Runs[0].Results {
		switch res.Message.Text {
		case "m":
			if res.Properties["nestlint/attack"] != "'aaaa!'" || res.Properties["nestlint/growth"] != "x2.00" {
				t.Errorf("properties %v", res.Properties)
			}
		default:
			if res.Properties != nil {
				t.Errorf("result without properties has %v", res.Properties)
			}
		}
	}
}
