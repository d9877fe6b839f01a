package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestJSONGolden(t *testing.T) {
	t.Parallel()
	got := format(t, JSON{}, testRun(t))
	golden(t, "json.golden", got)
	if !json.Valid(got) {
		t.Fatal("invalid JSON")
	}
	if bytes.Contains(got, []byte("null")) {
		t.Error("JSON contains null")
	}
	if bytes.Contains(got, []byte(`\u003c`)) || !bytes.Contains(got, []byte("ConfigService<Record")) {
		t.Error("< is escaped")
	}
	var doc struct {
		Version     int `json:"version"`
		Diagnostics []struct {
			Rule                             string
			Line, Column, EndLine, EndColumn int
			Suppressed                       bool
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal(got, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != 1 || len(doc.Diagnostics) != 5 {
		t.Fatalf("version %d, %d diagnostics", doc.Version, len(doc.Diagnostics))
	}
}

func TestJSONClean(t *testing.T) {
	t.Parallel()
	got := string(format(t, JSON{}, &Run{Tool: "nestlint", Version: "v1.0.0"}))
	want := `{
  "version": 1,
  "tool": {
    "name": "nestlint",
    "version": "v1.0.0"
  },
  "diagnostics": [],
  "notices": []
}
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
