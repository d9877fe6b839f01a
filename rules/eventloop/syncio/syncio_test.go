package syncio_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/rules/checker/checkertest"
	"github.com/nestlint/nestlint/rules/eventloop/syncio"
	"github.com/nestlint/nestlint/rules/lint"
)

func Test(t *testing.T) {
	checkertest.Run(t, checkertest.TestData(), syncio.Rule, "crossfile", "imports", "traps", "middleware", "startup")
}

func TestOptions(t *testing.T) {
	s := &lint.Settings{Rules: map[string]lint.RuleConfig{
		"event-loop/sync-io": {Options: json.RawMessage(`{"allow": ["fs.appendFileSync", "node:fs.writeFileSync"], "reportStartup": true}`)},
	}}
	got, _ := checkertest.RunCase(t, filepath.Join(checkertest.TestData(), "src", "middleware"), []*lint.Rule{syncio.Rule}, checkertest.Options{Settings: s})
	var texts []string
	for _, g := range got {
		texts = append(texts, g.String())
	}
	all := strings.Join(texts, "\n")
	if strings.Contains(all, "appendFileSync") || strings.Contains(all, "writeFileSync") {
		t.Errorf("allowed calls reported:\n%s", all)
	}
	if !strings.Contains(all, "note: `fs.existsSync` blocks the event loop in `AppModule.configure` (startup code)") {
		t.Errorf("reportStartup did not report the startup call:\n%s", all)
	}
	if !strings.Contains(all, "error: `fs.readFileSync`") {
		t.Errorf("request-path call lost:\n%s", all)
	}
}
