package parser

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var updateFacts = flag.Bool("update", false, "rewrite the facts goldens in testdata/facts")

// TestFactsGolden parses the fixtures of testdata/facts and compares their
// facts with the .facts.json goldens: a grammar upgrade that changes node
// kinds or shapes shows here. "go test ./parser -run FactsGolden -update"
// rewrites the goldens; check their diff.
func TestFactsGolden(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("testdata/facts/*.ts")
	if err != nil || len(files) == 0 {
		t.Fatal("no fixtures", err)
	}
	for _, p := range files {
		t.Run(filepath.Base(p), func(t *testing.T) {
			src, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			_, f, err := ParseBytes(p, src)
			if err != nil {
				t.Fatal(err)
			}
			if f.ErrorOffset >= 0 || f.Panic != "" {
				t.Errorf("fixture does not parse cleanly: error at %d, panic %q", f.ErrorOffset, f.Panic)
			}
			got, err := json.MarshalIndent(f, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			golden := strings.TrimSuffix(p, ".ts") + ".facts.json"
			if *updateFacts {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if string(got) != string(want) {
				t.Errorf("facts of %s differ from %s (run with -update and check the diff):\n%s", p, golden, firstDiff(string(want), string(got)))
			}
		})
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + a + "\n  got:  " + b
		}
	}
	return ""
}
