package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/nestlint/nestlint/rules/lint"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fakeDoc is a rule doc comment in the form lint.ParseDoc reads.
func fakeDoc(name, title string) string {
	return "// " + name + ": " + title + `
//
// Explanation of why this matters for a NestJS app.
//
// Bad:
//
//	@Module({ providers: [CatsService] })
//	export class CatsModule {}
//
// Good:
//
//	@Injectable()
//	export class CatsService {}
package ` + name + "\n"
}

func noRun(*analysis.Pass) (any, error) { return nil, nil }

func newTestRule(m lint.Meta, title string) *lint.Rule {
	return lint.NewRule(m, fakeDoc(m.Name, title), noRun)
}

// testRules returns four rules sorted by id; "di/unused-provider" has no
// findings in testRun.
func testRules() []*lint.Rule {
	return []*lint.Rule{
		newTestRule(lint.Meta{ID: "di/missing-injectable", Name: "missinginjectable", SARIFName: "MissingInjectableDecorator",
			Severity: lint.Warning, Tags: []string{"di", "correctness"}, Precision: lint.High, Since: "v0.1.0", Fixable: true},
			"provider class lacks @Injectable()"),
		newTestRule(lint.Meta{ID: "di/unused-provider", Name: "unusedprovider", SARIFName: "UnusedProvider",
			Severity: lint.Note, Tags: []string{"di"}, Precision: lint.Medium, Since: "v0.1.0"},
			"provider is never injected"),
		newTestRule(lint.Meta{ID: "event-loop/sync-io", Name: "syncio", SARIFName: "SyncIoOnRequestPath",
			Severity: lint.Error, Tags: []string{"performance", "reliability"}, Precision: lint.High, Since: "v0.1.0"},
			"synchronous i/o on a request path"),
		newTestRule(lint.Meta{ID: "security/hardcoded-secret", Name: "hardcodedsecret", SARIFName: "HardcodedSecret",
			Severity: lint.Error, Tags: []string{"security", "external/cwe/cwe-798"}, Precision: lint.Medium, Since: "v0.2.0",
			SecuritySeverity: "7.5"},
			"hard-coded secret in source"),
	}
}

// readTestdata is a Run.Source over testdata/: file names are relative to
// it, with '/'.
func readTestdata(file string) ([]byte, bool) {
	b, err := os.ReadFile(filepath.Join("testdata", filepath.FromSlash(file)))
	return b, err == nil
}

// loc returns the Location of the n-th (0-based) occurrence of needle in
// testdata/file.
func loc(t testing.TB, file, needle string, n int, msg string) Location {
	t.Helper()
	src, ok := readTestdata(file)
	if !ok {
		t.Fatalf("cannot read testdata/%s", file)
	}
	off := -1
	for i := 0; i <= n; i++ {
		j := bytes.Index(src[off+1:], []byte(needle))
		if j < 0 {
			t.Fatalf("%q occurs fewer than %d times in %s", needle, n+1, file)
		}
		off += 1 + j
	}
	return Location{File: file, Start: off, End: off + len(needle), Message: msg}
}

// testRun is a small run with every feature a formatter has to render:
// a fix, related locations, a request path, a suppressed finding, a
// baseline state, non-BMP text, CRLF and a path with a space and "é".
func testRun(t testing.TB) *Run {
	t.Helper()
	cafe := "paths/my app/café.service.ts"
	fixAt := loc(t, "fingerprints/cats.service.ts", "export class", 0, "")
	ds := []Diagnostic{
		{
			RuleID: "di/missing-injectable", Severity: lint.Warning,
			Message:  "provider CatsService is not decorated with @Injectable()",
			Location: loc(t, "fingerprints/cats.service.ts", "CatsService", 0, ""),
			Related:  []Location{loc(t, "fingerprints/crlf.module.ts", "CatsService", 0, "listed in CatsModule.providers")},
			Fixes: []Fix{{Message: "add @Injectable() to CatsService", Edits: []Edit{
				{File: fixAt.File, Start: fixAt.Start, End: fixAt.Start, NewText: "@Injectable()\n"},
			}}},
			BaselineState: "new",
		},
		{
			RuleID: "security/hardcoded-secret", Severity: lint.Error,
			Message:       "string literal 'héllo 🐈 wörld' looks like a secret: use ConfigService<Record<string, string>> & env",
			Location:      loc(t, "fingerprints/unicode.ts", "wörld", 0, ""),
			BaselineState: "unchanged",
		},
		{
			RuleID: "event-loop/sync-io", Severity: lint.Error,
			Message:  "readFileSync blocks the event loop",
			Location: loc(t, "fingerprints/crlf.module.ts", "CatsModule", 0, ""),
			Path: []Location{
				loc(t, "fingerprints/cats.service.ts", "findAll", 0, "CatsController.findAll"),
				loc(t, "fingerprints/cats.service.ts", "this.cats", 0, "CatsService.load"),
			},
		},
		{
			RuleID: "di/missing-injectable", Severity: lint.Warning,
			Message:       "provider CaféService is not decorated with @Injectable()",
			Location:      loc(t, cafe, "CaféService", 0, ""),
			Suppressed:    true,
			Justification: "registered by a factory",
		},
		{
			RuleID: "event-loop/sync-io", Severity: lint.Note,
			Message:  "'héllo' is returned from a sync helper",
			Location: loc(t, cafe, "'héllo'", 0, ""),
		},
	}
	Sort(ds)
	return &Run{
		Tool:        "nestlint",
		Version:     "v0.3.0",
		Rules:       testRules(),
		Diagnostics: ds,
		Notices: []Notice{
			{Level: lint.Warning, Message: "skipped: generated file", File: "fingerprints/bom.ts", Start: -1},
		},
		Source:      readTestdata,
		Successful:  true,
		FilesLinted: 4,
	}
}

// golden compares got with testdata/golden/name, or rewrites it with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it)\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func format(t testing.TB, f Formatter, r *Run) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f.Format(&b, r); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func lines(b []byte) []string { return strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") }
