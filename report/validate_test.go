package report

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readExample(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "examples", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// mutate decodes a SARIF log, lets f change it and encodes it again.
func mutate(t *testing.T, log []byte, f func(log map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(log, &m); err != nil {
		t.Fatal(err)
	}
	f(m)
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Accessors into a decoded log; they panic on a shape the test did not
// expect, which fails the test.
func run0(m map[string]any) map[string]any { return m["runs"].([]any)[0].(map[string]any) }
func result0(m map[string]any) map[string]any {
	return run0(m)["results"].([]any)[0].(map[string]any)
}
func physical0(m map[string]any) map[string]any {
	return result0(m)["locations"].([]any)[0].(map[string]any)["physicalLocation"].(map[string]any)
}
func rule0(m map[string]any) map[string]any {
	return run0(m)["tool"].(map[string]any)["driver"].(map[string]any)["rules"].([]any)[0].(map[string]any)
}

func TestValidateSchemaExamples(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"nestlint-github-example.sarif", "broken-github-ingestion.sarif"} {
		if err := ValidateSchema(readExample(t, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestValidateSchemaRejects makes sure the schema test can fail.
func TestValidateSchemaRejects(t *testing.T) {
	t.Parallel()
	logs := map[string][]byte{
		"example":  readExample(t, "nestlint-github-example.sarif"),
		"nestlint": format(t, SARIF{}, testRun(t)),
	}
	tests := []struct {
		name string
		f    func(map[string]any)
	}{
		{"level fatal", func(m map[string]any) { result0(m)["level"] = "fatal" }},
		{"startLine 0", func(m map[string]any) { physical0(m)["region"].(map[string]any)["startLine"] = 0 }},
		{"results null", func(m map[string]any) { run0(m)["results"] = nil }},
		{"locations null", func(m map[string]any) { result0(m)["locations"] = nil }},
		{"rules null", func(m map[string]any) {
			run0(m)["tool"].(map[string]any)["driver"].(map[string]any)["rules"] = nil
		}},
		{"region without startLine", func(m map[string]any) { physical0(m)["region"] = map[string]any{"startColumn": 3} }},
		{"version 2.0.0", func(m map[string]any) { m["version"] = "2.0.0" }},
		{"empty message", func(m map[string]any) { result0(m)["message"] = map[string]any{} }},
		{"no tool", func(m map[string]any) { delete(run0(m), "tool") }},
		{"startColumn 0", func(m map[string]any) { physical0(m)["region"].(map[string]any)["startColumn"] = 0 }},
		{"relatedLocations not unique", func(m map[string]any) {
			loc := result0(m)["locations"].([]any)[0]
			result0(m)["relatedLocations"] = []any{loc, loc}
		}},
	}
	for logName, log := range logs {
		for _, tc := range tests {
			t.Run(logName+"/"+tc.name, func(t *testing.T) {
				if err := ValidateSchema(mutate(t, log, tc.f)); err == nil {
					t.Error("ValidateSchema accepted the mutated log")
				}
			})
		}
	}
	if err := ValidateSchema([]byte("{")); err == nil {
		t.Error("accepted bad JSON")
	}
}

func TestCheckIngestionExamples(t *testing.T) {
	t.Parallel()
	if p := CheckIngestion(readExample(t, "nestlint-github-example.sarif")); len(p) > 0 {
		t.Errorf("good example rejected: %q", p)
	}
	p := strings.Join(CheckIngestion(readExample(t, "broken-github-ingestion.sarif")), "\n")
	for _, want := range []string{"absolute URI", "no region", "no message.text", "message.id/arguments"} {
		if !strings.Contains(p, want) {
			t.Errorf("broken example: no %q in\n%s", want, p)
		}
	}
}

func TestCheckIngestionMutations(t *testing.T) {
	t.Parallel()
	good := format(t, SARIF{}, testRun(t))
	if p := CheckIngestion(good); len(p) > 0 {
		t.Fatalf("nestlint's own log rejected: %q", p)
	}
	uri := func(v string) func(map[string]any) {
		return func(m map[string]any) { physical0(m)["artifactLocation"].(map[string]any)["uri"] = v }
	}
	tests := []struct {
		name string
		f    func(map[string]any)
		want string
	}{
		{"file uri", uri("file:///home/runner/work/app/src/a.ts"), "absolute URI"},
		{"https uri", uri("https://example.com/a.ts"), "non-file URI scheme"},
		{"absolute path", uri("/home/runner/a.ts"), "absolute URI path"},
		{"dot-dot", uri("../a.ts"), "not a clean"},
		{"no uri", func(m map[string]any) { delete(physical0(m)["artifactLocation"].(map[string]any), "uri") }, "no artifactLocation.uri"},
		{"no region", func(m map[string]any) { delete(physical0(m), "region") }, "no region (GH1003)"},
		{"no startLine", func(m map[string]any) { delete(physical0(m)["region"].(map[string]any), "startLine") }, "no region.startLine"},
		{"no physicalLocation", func(m map[string]any) { result0(m)["locations"] = []any{map[string]any{}} }, "no physicalLocation"},
		{"no locations", func(m map[string]any) { result0(m)["locations"] = []any{} }, "no locations (GH1001)"},
		{"no message text", func(m map[string]any) { result0(m)["message"] = map[string]any{"text": " "} }, "no message.text"},
		{"no message", func(m map[string]any) { delete(result0(m), "message") }, "no message.text"},
		{"message id", func(m map[string]any) {
			result0(m)["message"] = map[string]any{"text": "x", "id": "default", "arguments": []any{"a"}}
		}, "message.id/arguments"},
		{"placeholder", func(m map[string]any) { result0(m)["message"] = map[string]any{"text": "class {0}"} }, "placeholder"},
		{"no ruleId", func(m map[string]any) { delete(result0(m), "ruleId") }, "ruleId missing"},
		{"ruleIndex -1", func(m map[string]any) { result0(m)["ruleIndex"] = -1 }, "ruleIndex -1"},
		{"wrong ruleIndex", func(m map[string]any) { result0(m)["ruleIndex"] = 1 }, "names rule"},
		{"no ruleIndex", func(m map[string]any) { delete(result0(m), "ruleIndex") }, "ruleIndex missing"},
		{"results missing", func(m map[string]any) { delete(run0(m), "results") }, "results is missing"},
		{"two runs", func(m map[string]any) { m["runs"] = append(m["runs"].([]any), run0(m)) }, "2 runs"},
		{"no fullDescription", func(m map[string]any) { delete(rule0(m), "fullDescription") }, "fullDescription.text (GH2012)"},
		{"no help", func(m map[string]any) { delete(rule0(m), "help") }, "help.text (GH2012)"},
		{"related without message", func(m map[string]any) {
			delete(result0(m)["relatedLocations"].([]any)[0].(map[string]any), "message")
		}, "related location without message.text"},
		{"related without id", func(m map[string]any) {
			delete(result0(m)["relatedLocations"].([]any)[0].(map[string]any), "id")
		}, "related location without id"},
		{"absolute fix uri", func(m map[string]any) {
			ch := result0(m)["fixes"].([]any)[0].(map[string]any)["artifactChanges"].([]any)[0].(map[string]any)
			ch["artifactLocation"] = map[string]any{"uri": "file:///x.ts"}
		}, "fixes[0].artifactChanges[0]: absolute URI"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := strings.Join(CheckIngestion(mutate(t, good, tc.f)), "\n")
			if !strings.Contains(p, tc.want) {
				t.Errorf("no %q in %q", tc.want, p)
			}
		})
	}
	if p := CheckIngestion([]byte("nope")); len(p) != 1 || !strings.Contains(p[0], "not a SARIF log") {
		t.Errorf("bad JSON: %q", p)
	}
}
