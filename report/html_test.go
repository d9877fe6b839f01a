package report

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// embeddedData returns the JSON of the page's data element, checking that
// the element is closed where it should be.
func embeddedData(t *testing.T, page string) string {
	t.Helper()
	const open = `<script type="application/json" id="nestlint-data">`
	i := strings.Index(page, open)
	if i < 0 {
		t.Fatalf("no data element in\n%s", page)
	}
	rest := page[i+len(open):]
	j := strings.Index(rest, "</script>")
	if j < 0 {
		t.Fatal("data element not closed")
	}
	return rest[:j]
}

func TestHTMLData(t *testing.T) {
	r := testRun(t)
	r.Graph = &ModuleGraph{Modules: []GraphModule{{Name: "AppModule", File: "src/app.module.ts", Line: 3, Imports: []string{"UsersModule"},
		Controllers: []GraphProvider{}, Providers: []GraphProvider{{Name: "AuditService", Scope: "request", Why: "injects REQUEST", Deps: []string{"REQUEST"}}},
		Exports: []string{}, Entries: []GraphEntry{{Label: "AppController.get", File: "src/app.controller.ts", Line: 7, Why: "@Get()"}}}}}
	page := string(format(t, HTML{}, r))
	raw := embeddedData(t, page)
	var d HTMLData
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		t.Fatalf("embedded data is not JSON: %v", err)
	}
	pretty, _ := json.MarshalIndent(d, "", "  ")
	golden(t, "html-data.golden", append(pretty, '\n'))
	if d.Counts != (htmlCounts{Error: 2, Warning: 1, Note: 1, Suppressed: 1}) {
		t.Errorf("counts = %+v", d.Counts)
	}
	fam := map[string]htmlCounts{}
	for _, f := range d.Families {
		fam[f.Name] = f.htmlCounts
	}
	if fam["event-loop"] != (htmlCounts{Error: 1, Note: 1}) || fam["di"] != (htmlCounts{Warning: 1, Suppressed: 1}) || fam["security"] != (htmlCounts{Error: 1}) || len(fam) != 3 {
		t.Errorf("families = %+v", d.Families)
	}
	if len(d.Findings) != 5 || len(d.Rules) != 3 {
		t.Fatalf("want 5 findings of 3 rules, got %d and %d", len(d.Findings), len(d.Rules))
	}
	var path *htmlFinding
	for i := range d.Findings {
		f := &d.Findings[i]
		if len(f.Snippet.Lines) == 0 || f.Line < f.Snippet.Start || f.Line >= f.Snippet.Start+len(f.Snippet.Lines) {
			t.Errorf("snippet of %s:%d does not hold its line: %+v", f.File, f.Line, f.Snippet)
		}
		if len(f.Path) > 0 {
			path = f
		}
	}
	if path == nil || len(path.Path) != 2 || path.Path[0].Label != "CatsController.findAll" || path.Path[1].Code == "" {
		t.Errorf("want the two path steps with their code, got %+v", path)
	}
	if d.Graph == nil || d.Graph.Modules[0].Providers[0].Scope != "request" {
		t.Errorf("graph not embedded: %+v", d.Graph)
	}
}

func TestHTMLSelfContained(t *testing.T) {
	page := string(format(t, HTML{}, testRun(t)))
	for _, bad := range []*regexp.Regexp{
		regexp.MustCompile(`(?i)<script[^>]+src=`),
		regexp.MustCompile(`(?i)<link\b`),
		regexp.MustCompile(`(?i)<img\b`),
		regexp.MustCompile(`(?i)@import`),
		regexp.MustCompile(`(?i)url\(`),
		regexp.MustCompile(`(?i)\bfetch\(|XMLHttpRequest|\.innerHTML\b`),
	} {
		if bad.MatchString(page) {
			t.Errorf("the page uses %s: it must be self-contained and render data as text", bad)
		}
	}
	if strings.Count(page, "<script") != 3 || !strings.Contains(page, "Content-Security-Policy") {
		t.Error("want exactly the error hook, the data and the script, under a CSP without network")
	}
}

func TestHTMLEscapes(t *testing.T) {
	r := hostileRun()
	r.Diagnostics[0].Message = "</script><script>alert(1)</script> <!-- \u2028 " + r.Diagnostics[0].Message
	page := string(format(t, HTML{}, r))
	raw := embeddedData(t, page)
	if strings.Contains(raw, "</") || strings.Contains(raw, "<!--") || strings.ContainsRune(raw, '\u2028') {
		t.Errorf("the data element holds raw </, <!-- or U+2028:\n%s", raw)
	}
	if forbidden.MatchString(raw) {
		t.Errorf("raw control character in the data:\n%q", raw)
	}
	var d HTMLData
	if err := json.Unmarshal([]byte(raw), &d); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(d.Findings[0].Message, "</script><script>alert(1)</script>") || d.Findings[0].File != `src/<x>&"y"\x1b.ts` {
		t.Errorf("data did not round-trip: %q %q", d.Findings[0].Message, d.Findings[0].File)
	}
	if d.Graph != nil || len(d.Findings[0].Snippet.Lines) != 0 {
		t.Errorf("no graph and no snippet for an unreadable file, got %+v", d.Findings[0])
	}
	if strings.Count(page, "</script>") != 3 {
		t.Errorf("a message closed a script element")
	}
}
