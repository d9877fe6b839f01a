package config_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/tailscale/hujson"

	"github.com/nestlint/nestlint/config"
	"github.com/nestlint/nestlint/rules"
	"github.com/nestlint/nestlint/rules/lint"
)

func sev(c *config.Config, id string) string {
	rc, ok := c.Rules[id]
	if !ok {
		return "-"
	}
	if rc.Severity == nil {
		return "default"
	}
	return rc.Severity.String()
}

func TestParse(t *testing.T) {
	t.Parallel()
	all := rules.All()
	tests := []struct {
		name, src string
		err       string                           // substring of the error; "" for success
		check     func(*testing.T, *config.Config) // optional
	}{
		{name: "empty", src: `{}`},
		{name: "every key", src: `{
  "$schema": "./nestlint.schema.json",
  "rules": {"event-loop/sync-io": {"severity": "warning", "options": {"allow": ["fs.existsSync"]}}},
  "ignore": ["dist/**", "./gen/*.ts"],
  "entryPoints": ["@Handler", "Job"],
  "offline": ["tools/**"]
}`, check: func(t *testing.T, c *config.Config) {
			if got := sev(c, "event-loop/sync-io"); got != "warning" {
				t.Errorf("severity %s", got)
			}
			if got := string(c.Rules["event-loop/sync-io"].Options); got != `{"allow": ["fs.existsSync"]}` {
				t.Errorf("options %s", got)
			}
			if strings.Join(c.Ignore, ",") != "dist/**,gen/*.ts" || strings.Join(c.EntryPoints, ",") != "Handler,Job" || strings.Join(c.Offline, ",") != "tools/**" {
				t.Errorf("got %+v", c)
			}
		}},
		{name: "jsonc", src: "// top comment\n{\n  /* block */ \"rules\": {\n    \"event-loop/sync-io\": \"off\", // trailing\n  },\n  \"ignore\": [\"dist/**\",],\n}\n",
			check: func(t *testing.T, c *config.Config) {
				if sev(c, "event-loop/sync-io") != "off" || len(c.Ignore) != 1 {
					t.Errorf("got %+v", c)
				}
			}},
		{name: "unknown rule", src: "{\n  \"rules\": {\n\n\n\n\n    \"event-loop/sync\": \"off\"\n  }\n}", err: `nestlint.json:7: unknown rule "event-loop/sync" (did you mean event-loop/sync-io?)`},
		{name: "unknown top key", src: "{\n  \"rule\": {}\n}", err: `nestlint.json:2: unknown key "rule" (did you mean rules?)`},
		{name: "bad severity", src: "{\"rules\": {\n\"event-loop/sync-io\": \"fatal\"}}", err: `nestlint.json:2: event-loop/sync-io: bad severity "fatal"`},
		{name: "bad severity in object", src: "{\"rules\": {\"event-loop/sync-io\": {\"severity\": 1}}}", err: `nestlint.json:1: event-loop/sync-io: severity must be a string`},
		{name: "bad option type", src: "{\"rules\": {\"event-loop/sync-io\": {\n\"options\": [1]}}}", err: `nestlint.json:2: event-loop/sync-io: options must be an object, not an array`},
		{name: "unknown option", src: "{\"rules\": {\"event-loop/sync-io\": {\"options\": {\n\"alow\": []}}}}", err: `nestlint.json:2: event-loop/sync-io: unknown option "alow" (did you mean allow?)`},
		{name: "wrong option value type", src: "{\"rules\": {\"event-loop/sync-io\": {\"options\": {\n\"allow\": [1]}}}}", err: `nestlint.json:2: event-loop/sync-io: option allow: want a string, got number`},
		{name: "wrong option value type bool", src: "{\"rules\": {\"event-loop/sync-io\": {\"options\": {\"reportStartup\": \"yes\"}}}}", err: `event-loop/sync-io: option reportStartup: want true or false, got string`},
		{name: "bad rule value", src: `{"rules": {"event-loop/sync-io": true}}`, err: `want a severity string or an object, not a boolean`},
		{name: "bad ignore", src: `{"ignore": "dist"}`, err: `ignore must be an array of strings, not a string`},
		{name: "bad ignore element", src: `{"ignore": [1]}`, err: `ignore[0] must be a string`},
		{name: "bad glob", src: `{"offline": ["a/[b"]}`, err: `offline[0]: invalid glob pattern`},
		{name: "not an object", src: `[]`, err: `must be an object`},
		{name: "syntax error", src: "{\n\"rules\": {,}\n}", err: `nestlint.json:2: invalid JSON`},
		{name: "duplicate key", src: `{"ignore": [], "ignore": []}`, err: `duplicate key "ignore"`},
		{name: "unknown family", src: `{"rules": {"event-lop/*": "off"}}`, err: `unknown rule family "event-lop/*" (did you mean event-loop/*?)`},
		{name: "family wildcard", src: `{"rules": {"hidden-class/*": "off"}}`, check: func(t *testing.T, c *config.Config) {
			n := 0
			for _, r := range all {
				if strings.HasPrefix(r.ID, "hidden-class/") {
					n++
					if sev(c, r.ID) != "off" {
						t.Errorf("%s: %s", r.ID, sev(c, r.ID))
					}
				} else if sev(c, r.ID) != "-" {
					t.Errorf("%s configured", r.ID)
				}
			}
			if n == 0 {
				t.Fatal("no hidden-class rules")
			}
			if len(c.Enabled(all)) != len(all)-n {
				t.Errorf("enabled %d of %d", len(c.Enabled(all)), len(all))
			}
		}},
		{name: "exact over wildcard", src: `{"rules": {"event-loop/sync-io": "note", "event-loop/*": "off"}}`, check: func(t *testing.T, c *config.Config) {
			if sev(c, "event-loop/sync-io") != "note" || sev(c, "event-loop/busy-wait") != "off" {
				t.Errorf("sync-io %s, busy-wait %s", sev(c, "event-loop/sync-io"), sev(c, "event-loop/busy-wait"))
			}
		}},
		{name: "wildcard options", src: `{"rules": {"event-loop/*": {"options": {}}}}`, err: `a family wildcard takes a severity only`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := config.Parse("nestlint.json", []byte(tt.src), all)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.check != nil {
				tt.check(t, c)
			}
		})
	}
}

func TestFind(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	os.Mkdir(filepath.Join(root, ".git"), 0o755)
	sub := filepath.Join(root, "a", "b")
	os.MkdirAll(sub, 0o755)
	if got := config.Find(sub); got != "" {
		t.Errorf("found %s in an empty repo", got)
	}
	os.WriteFile(filepath.Join(root, config.FileName), []byte("{}"), 0o644)
	if got := config.Find(sub); got != filepath.Join(root, config.FileName) {
		t.Errorf("found %q", got)
	}
	os.WriteFile(filepath.Join(root, "a", config.FileName), []byte("{}"), 0o644)
	if got := config.Find(sub); got != filepath.Join(root, "a", config.FileName) {
		t.Errorf("nearest: found %q", got)
	}
	// Nothing above the repository root is read.
	inner := filepath.Join(root, "repo")
	os.MkdirAll(filepath.Join(inner, ".git"), 0o755)
	if got := config.Find(inner); got != "" {
		t.Errorf("searched above the repository root: %q", got)
	}
}

func TestSettingsAndIgnore(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, config.FileName)
	os.WriteFile(p, []byte(`{"ignore": ["dist/**", "src/gen"], "offline": ["tools/**", "apps/api/jobs/**", "apps/web/x/**"], "entryPoints": ["@Handler"]}`), 0o644)
	c, err := config.Load(p, "nestlint.json", rules.All())
	if err != nil {
		t.Fatal(err)
	}
	for f, want := range map[string]bool{"dist/main.ts": true, "src/gen/a.ts": true, "src/app.ts": false, "../x.ts": false} {
		if got := c.Ignored(filepath.Join(c.Dir, f)); got != want {
			t.Errorf("Ignored(%s) = %v", f, got)
		}
	}
	s := c.Settings(filepath.Join(c.Dir, "apps", "api"))
	if got := strings.Join(s.Offline, ","); got != "jobs/**" {
		t.Errorf("offline rebased into a project: %q", got)
	}
	if s := c.Settings(c.Dir); strings.Join(s.Offline, ",") != "tools/**,apps/api/jobs/**,apps/web/x/**" || s.EntryPoints[0] != "Handler" {
		t.Errorf("settings %+v", s)
	}
	if _, err := config.Load(filepath.Join(dir, "missing.json"), "missing.json", rules.All()); err == nil || err.Error() != "missing.json: no such file" {
		t.Errorf("missing file: %v", err)
	}
	var nilc *config.Config
	if nilc.Ignored("/x") || len(nilc.Enabled(rules.All())) != len(rules.All()) || nilc.Settings("/r").Root != "/r" {
		t.Error("nil config is not the default")
	}
}

// TestSchemaCurrent fails when nestlint.schema.json is stale: run
// `go generate ./config`.
func TestSchemaCurrent(t *testing.T) {
	t.Parallel()
	got, err := os.ReadFile(filepath.Join("..", config.SchemaFileName))
	if err != nil || !bytes.Equal(got, config.SchemaJSON(rules.All())) {
		t.Fatalf("%s is not current: run `go generate ./config`", config.SchemaFileName)
	}
}

func standard(t *testing.T, src []byte) any {
	t.Helper()
	std, err := hujson.Standardize(src)
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(std))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestSchemaValidates checks that the schema is valid draft-07 and agrees
// with the loader on a few documents.
func TestSchemaValidates(t *testing.T) {
	t.Parallel()
	all := rules.All()
	c := jsonschema.NewCompiler()
	if err := c.AddResource("nestlint.schema.json", standard(t, config.SchemaJSON(all))); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("nestlint.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, doc := range []struct {
		src string
		ok  bool
	}{
		{string(config.Starter(all)), true},
		{`{"rules": {"event-loop/sync-io": {"severity": "note", "options": {"allow": []}}, "event-loop/*": "off"}}`, true},
		{`{"rules": {"event-loop/sync": "off"}}`, false},
		{`{"rules": {"event-loop/sync-io": "fatal"}}`, false},
		{`{"rules": {"event-loop/sync-io": {"options": {"alow": []}}}}`, false},
		{`{"ignores": []}`, false},
	} {
		err := sch.Validate(standard(t, []byte(doc.src)))
		if (err == nil) != doc.ok {
			t.Errorf("schema on %s: %v", doc.src, err)
		}
		_, lerr := config.Parse("nestlint.json", []byte(doc.src), all)
		if (lerr == nil) != doc.ok {
			t.Errorf("loader on %s: %v", doc.src, lerr)
		}
	}
}

func TestStarterLoads(t *testing.T) {
	t.Parallel()
	all := rules.All()
	src := config.Starter(all)
	c, err := config.Parse("nestlint.json", src, all)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Rules) != 0 || len(c.Ignore) != 0 {
		t.Errorf("the starter changes the defaults: %+v", c)
	}
	for _, r := range all {
		if !bytes.Contains(src, []byte(`// "`+r.ID+`": "`+r.Severity.String()+`"`)) {
			t.Errorf("starter misses %s", r.ID)
		}
	}
}

var _ = lint.Off
