package report

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"encoding/xml"
	"regexp"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/nestlint/nestlint/rules/lint"
)

//go:embed schema/gitlab-codequality.json
var gitlabSchema []byte

func validateGitLab(t *testing.T, doc []byte) {
	t.Helper()
	sdoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(gitlabSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const url = "https://nestlint.dev/schema/gitlab-codequality.json"
	if err := c.AddResource(url, sdoc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("not JSON: %v\n%s", err, doc)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("gitlab schema: %v\n%s", err, doc)
	}
}

// hostileRun has XML/JSON special characters and control characters in
// paths, rule ids and messages; its files cannot be read.
func hostileRun() *Run {
	return &Run{
		Tool: "nestlint", Version: "v0", Successful: true, FilesLinted: 1,
		Rules: testRules(),
		Diagnostics: []Diagnostic{
			{RuleID: "security/hardcoded-secret", Severity: lint.Error,
				Message:  "a <b> & \"c\" 'd' ]]> \x1b[31mred\x07 \x00nul\u202etxt\nsecond line",
				Location: Location{File: "src/<x>&\"y\"\x1b.ts"},
				Path:     []Location{{File: "a.ts", Message: "A.b<T>"}, {File: "b.ts", Message: "C.d & \x01"}}},
			{RuleID: "di/missing-injectable", Severity: lint.Note, Message: "plain", Location: Location{File: "src/<x>&\"y\"\x1b.ts", Start: 3}},
		},
	}
}

// forbidden are bytes that must never reach an XML or terminal output raw.
var forbidden = regexp.MustCompile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u202e]")

func TestStylishGolden(t *testing.T) {
	r := testRun(t)
	got := format(t, Stylish{}, r)
	golden(t, "stylish.golden", got)
	s := string(got)
	if strings.Contains(s, "\x1b[") {
		t.Error("colour without Color")
	}
	if strings.Contains(s, "CaféService") {
		t.Error("suppressed finding printed")
	}
	// grouped: each file name once, on its own line, before its findings
	for _, f := range []string{"fingerprints/cats.service.ts", "fingerprints/crlf.module.ts", "fingerprints/unicode.ts", "paths/my app/café.service.ts"} {
		if n := strings.Count(s, "\n"+f+"\n") + strings.Count("\n"+s[:len(f)+1], "\n"+f+"\n"); n != 1 {
			t.Errorf("file header %q appears %d times:\n%s", f, n, s)
		}
	}
	if !regexp.MustCompile(`(?m)^ +2:35  error +string literal`).MatchString(s) {
		t.Errorf("want the UTF-16 column of wörld (2:35):\n%s", s)
	}
	// summary table: event-loop/sync-io has 1 error and 1 note, missing-injectable 1 warning (1 suppressed)
	if !regexp.MustCompile(`(?m)^event-loop/sync-io\s+1\s+0\s+1$`).MatchString(s) {
		t.Errorf("want a table row for event-loop/sync-io with 1 error, 0 warnings, 1 note:\n%s", s)
	}
	if !regexp.MustCompile(`(?m)^di/missing-injectable\s+0\s+1\s+0$`).MatchString(s) {
		t.Errorf("want a table row for di/missing-injectable with 1 warning:\n%s", s)
	}
	if strings.Contains(s, "di/unused-provider") {
		t.Error("a rule without findings is in the table")
	}
	if !strings.HasSuffix(s, "✖ 4 problems (2 errors, 1 warning, 1 note) in 4 files (1 suppressed)\n") {
		t.Errorf("summary line:\n%s", s)
	}
}

func TestStylishColorAndEmpty(t *testing.T) {
	got := string(format(t, Stylish{Color: true}, testRun(t)))
	for _, want := range []string{"\x1b[4mfingerprints/unicode.ts" + ansiReset, ansiBold + ansiRed + "error" + ansiReset, ansiDim + "event-loop/sync-io" + ansiReset} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%q", want, got)
		}
	}
	r := testRun(t)
	r.Diagnostics = r.Diagnostics[:0]
	if got := format(t, Stylish{Color: true}, r); len(got) != 0 {
		t.Errorf("a run without findings printed %q", got)
	}
}

func TestStylishEscapes(t *testing.T) {
	got := string(format(t, Stylish{}, hostileRun()))
	if forbidden.MatchString(got) {
		t.Errorf("raw control character in stylish output:\n%q", got)
	}
	// header, 2 findings, blank, table of 3 lines, blank, total: no line
	// break from the message survives.
	if n := strings.Count(got, "\n"); n != 9 {
		t.Errorf("want 9 lines, got %d:\n%s", n, got)
	}
	if !strings.Contains(got, `src/<x>&"y"\x1b.ts`+"\n") || !strings.Contains(got, `\x1b[31mred\a \x00nul\u202etxt second line`) {
		t.Errorf("want visible escapes:\n%s", got)
	}
}

// parsedCheckstyle is the structure a Checkstyle consumer reads.
type parsedCheckstyle struct {
	XMLName xml.Name `xml:"checkstyle"`
	Version string   `xml:"version,attr"`
	Files   []struct {
		Name   string `xml:"name,attr"`
		Errors []struct {
			Line     int    `xml:"line,attr"`
			Column   int    `xml:"column,attr"`
			Severity string `xml:"severity,attr"`
			Message  string `xml:"message,attr"`
			Source   string `xml:"source,attr"`
		} `xml:"error"`
	} `xml:"file"`
}

func TestCheckstyleGolden(t *testing.T) {
	got := format(t, Checkstyle{}, testRun(t))
	golden(t, "checkstyle.golden", got)
	var p parsedCheckstyle
	if err := xml.Unmarshal(got, &p); err != nil {
		t.Fatalf("not XML: %v\n%s", err, got)
	}
	if p.Version != "4.3" || len(p.Files) != 4 {
		t.Fatalf("want version 4.3 and 4 files, got %q and %d:\n%s", p.Version, len(p.Files), got)
	}
	var n int
	sev := map[string]int{}
	for _, f := range p.Files {
		for _, e := range f.Errors {
			n++
			sev[e.Severity]++
			if !strings.HasPrefix(e.Source, "nestlint.") || e.Line < 1 || e.Column < 1 {
				t.Errorf("bad error %+v", e)
			}
		}
	}
	if n != 4 || sev["error"] != 2 || sev["warning"] != 1 || sev["info"] != 1 {
		t.Errorf("want 4 errors (2 error, 1 warning, 1 info; suppressed left out), got %d %v", n, sev)
	}
	if p.Files[2].Name != "fingerprints/unicode.ts" || p.Files[2].Errors[0].Line != 2 || p.Files[2].Errors[0].Column != 35 {
		t.Errorf("wörld should be at unicode.ts:2:35: %+v", p.Files[2])
	}
}

func TestCheckstyleEscapes(t *testing.T) {
	got := format(t, Checkstyle{}, hostileRun())
	if forbidden.MatchString(string(got)) {
		t.Errorf("raw control character in XML:\n%q", got)
	}
	var p parsedCheckstyle
	if err := xml.Unmarshal(got, &p); err != nil {
		t.Fatalf("not XML: %v\n%s", err, got)
	}
	if len(p.Files) != 1 || len(p.Files[0].Errors) != 2 {
		t.Fatalf("want 1 file with 2 errors:\n%s", got)
	}
	if want := `src/<x>&"y"\x1b.ts`; p.Files[0].Name != want {
		t.Errorf("file name = %q, want %q", p.Files[0].Name, want)
	}
	msg := p.Files[0].Errors[0].Message
	if !strings.HasPrefix(msg, `a <b> & "c" 'd' ]]> \x1b[31mred\a \x00nul\u202etxt second line (via A.b<T> -> C.d & \x01)`) {
		t.Errorf("message did not round-trip: %q", msg)
	}
}

type parsedJUnit struct {
	XMLName  xml.Name `xml:"testsuites"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Skipped  int      `xml:"skipped,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			ClassName string `xml:"classname,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Body    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func TestJUnitGolden(t *testing.T) {
	got := format(t, JUnit{}, testRun(t))
	golden(t, "junit.golden", got)
	var p parsedJUnit
	if err := xml.Unmarshal(got, &p); err != nil {
		t.Fatalf("not XML: %v\n%s", err, got)
	}
	if p.Tests != 5 || p.Failures != 4 || p.Skipped != 1 || len(p.Suites) != 4 {
		t.Fatalf("want 5 tests, 4 failures, 1 skipped in 4 suites; got %d, %d, %d in %d", p.Tests, p.Failures, p.Skipped, len(p.Suites))
	}
	sum := 0
	for _, s := range p.Suites {
		sum += s.Tests
		if len(s.Cases) != s.Tests {
			t.Errorf("suite %s: tests=%d but %d cases", s.Name, s.Tests, len(s.Cases))
		}
		for _, c := range s.Cases {
			if c.ClassName != s.Name {
				t.Errorf("case %q: classname %q, want the file %q", c.Name, c.ClassName, s.Name)
			}
			if (c.Failure == nil) == (c.Skipped == nil) {
				t.Errorf("case %q: want exactly one of failure and skipped", c.Name)
			}
		}
	}
	if sum != p.Tests {
		t.Errorf("suite tests add up to %d, total says %d", sum, p.Tests)
	}
	var path string
	for _, s := range p.Suites {
		for _, c := range s.Cases {
			if c.Failure != nil && c.Failure.Type == "error" && strings.HasPrefix(c.Name, "event-loop/sync-io at ") {
				path = c.Failure.Body
			}
			if c.Skipped != nil && c.Skipped.Message != "suppressed: registered by a factory" {
				t.Errorf("skipped message %q", c.Skipped.Message)
			}
		}
	}
	if !strings.Contains(path, "\n  1. CatsController.findAll (fingerprints/cats.service.ts:") || !strings.Contains(path, "\n  2. CatsService.load (") {
		t.Errorf("want the request path step by step in the failure body, got %q", path)
	}
}

func TestJUnitEmptyRunPasses(t *testing.T) {
	r := testRun(t)
	r.Diagnostics = nil
	var p parsedJUnit
	if err := xml.Unmarshal(format(t, JUnit{}, r), &p); err != nil {
		t.Fatal(err)
	}
	if p.Tests != 1 || p.Failures != 0 || len(p.Suites) != 1 || p.Suites[0].Cases[0].Failure != nil {
		t.Errorf("want one passing test case, got %+v", p)
	}
}

func TestJUnitEscapes(t *testing.T) {
	got := format(t, JUnit{}, hostileRun())
	if forbidden.MatchString(string(got)) {
		t.Errorf("raw control character in XML:\n%q", got)
	}
	var p parsedJUnit
	if err := xml.Unmarshal(got, &p); err != nil {
		t.Fatalf("not XML: %v\n%s", err, got)
	}
	c := p.Suites[0].Cases[0]
	if c.Failure == nil || !strings.Contains(c.Failure.Body, "]]>") || !strings.Contains(c.Failure.Body, `\x1b[31mred`) {
		t.Errorf("body did not round-trip (]]> inside CDATA, escaped ESC): %+v", c.Failure)
	}
	if !strings.Contains(c.Failure.Body, "txt\nsecond line") {
		t.Errorf("the body keeps the message's line breaks: %q", c.Failure.Body)
	}
	if c.ClassName != `src/<x>&"y"\x1b.ts` {
		t.Errorf("classname = %q", c.ClassName)
	}
}

type parsedGitLab []struct {
	Description string `json:"description"`
	CheckName   string `json:"check_name"`
	Fingerprint string `json:"fingerprint"`
	Severity    string `json:"severity"`
	Location    struct {
		Path  string `json:"path"`
		Lines struct {
			Begin int `json:"begin"`
		} `json:"lines"`
	} `json:"location"`
}

func TestGitLabGolden(t *testing.T) {
	got := format(t, GitLab{}, testRun(t))
	golden(t, "gitlab.golden", got)
	validateGitLab(t, got)
	var p parsedGitLab
	if err := json.Unmarshal(got, &p); err != nil {
		t.Fatal(err)
	}
	if len(p) != 4 {
		t.Fatalf("want 4 issues (the suppressed one left out), got %d", len(p))
	}
	seen := map[string]bool{}
	sev := map[string]string{}
	for _, is := range p {
		if seen[is.Fingerprint] || len(is.Fingerprint) != 64 {
			t.Errorf("fingerprint %q is duplicated or not a sha256", is.Fingerprint)
		}
		seen[is.Fingerprint] = true
		sev[is.CheckName+" "+is.Location.Path] = is.Severity
	}
	for k, want := range map[string]string{
		"di/missing-injectable fingerprints/cats.service.ts": "major",
		"event-loop/sync-io fingerprints/crlf.module.ts":     "critical",
		"event-loop/sync-io paths/my app/café.service.ts":    "info",
		"security/hardcoded-secret fingerprints/unicode.ts":  "critical", // security severity 7.5 < 9
	} {
		if sev[k] != want {
			t.Errorf("severity of %s = %q, want %q", k, sev[k], want)
		}
	}
}

func TestGitLabSeverity(t *testing.T) {
	for _, c := range []struct {
		s    lint.Severity
		sec  float64
		want string
	}{{lint.Error, 9.8, "blocker"}, {lint.Error, 0, "critical"}, {lint.Warning, 9.8, "major"}, {lint.Note, 0, "info"}} {
		if got := gitlabSeverity(c.s, c.sec); got != c.want {
			t.Errorf("gitlabSeverity(%v, %v) = %q, want %q", c.s, c.sec, got, c.want)
		}
	}
}

// Fingerprints survive lines added above, and change when the line itself
// changes.
func TestGitLabFingerprintStable(t *testing.T) {
	base := "import x from 'y';\n\nexport class A {\n  load() { return readFileSync('a'); }\n}\n"
	run := func(src string) string {
		off := strings.Index(src, "readFileSync")
		r := &Run{Diagnostics: []Diagnostic{{RuleID: "event-loop/sync-io", Severity: lint.Error, Message: "m",
			Location: Location{File: "a.ts", Start: off, End: off + 12}}},
			Source: func(string) ([]byte, bool) { return []byte(src), true }}
		var p parsedGitLab
		if err := json.Unmarshal(format(t, GitLab{}, r), &p); err != nil {
			t.Fatal(err)
		}
		return p[0].Fingerprint
	}
	a := run(base)
	if b := run("// a new header\n// two lines\n" + base); b != a {
		t.Errorf("lines added above changed the fingerprint: %s != %s", a, b)
	}
	if b := run(strings.Replace(base, "}\n}\n", "}\n  other() {}\n}\n", 1)); b != a {
		t.Errorf("a line added below changed the fingerprint")
	}
	if b := run(strings.Replace(base, "'a'", "'b'", 1)); b == a {
		t.Errorf("changing the finding's line kept the fingerprint")
	}
}

func TestGitLabEscapesAndEmpty(t *testing.T) {
	got := format(t, GitLab{}, hostileRun())
	validateGitLab(t, got)
	if forbidden.MatchString(string(got)) {
		t.Errorf("raw control character in JSON:\n%q", got)
	}
	var p parsedGitLab
	if err := json.Unmarshal(got, &p); err != nil {
		t.Fatal(err)
	}
	if p[0].Location.Path != "src/<x>&\"y\"\x1b.ts" {
		t.Errorf("path must round-trip exactly (JSON escapes it): %q", p[0].Location.Path)
	}
	if strings.ContainsAny(p[0].Description, "\n\x1b") {
		t.Errorf("description keeps raw controls: %q", p[0].Description)
	}
	r := testRun(t)
	r.Diagnostics = nil
	if got := format(t, GitLab{}, r); string(got) != "[]\n" {
		t.Errorf("empty run = %q, want []", got)
	}
}
