package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nestlint/nestlint/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// apps returns the names of the end-to-end projects in testdata/apps.
func apps(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(moduleRoot(t), "testdata", "apps"))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		t.Fatal("no apps in testdata/apps")
	}
	return names
}

// TestGolden runs every app of testdata/apps in text and SARIF and compares
// with testdata/golden/<app>.txt and .sarif. Paths are relative to the
// module root, as a run from the checkout's top prints them. Run
// "go test ./cmd/nestlint -run Golden -update" to rewrite the files.
func TestGolden(t *testing.T) {
	t.Parallel()
	root := moduleRoot(t)
	for _, app := range apps(t) {
		for _, format := range []struct{ name, ext string }{{"text", ".txt"}, {"sarif", ".sarif"}} {
			t.Run(app+"/"+format.name, func(t *testing.T) {
				t.Parallel()
				r := runCLI(t, "--format", format.name, "--repo-root", root, filepath.Join(root, "testdata", "apps", app))
				if r.code == exitUsage || r.code == exitInternal {
					t.Fatalf("run failed:\n%s", r)
				}
				if format.name == "sarif" {
					if err := report.ValidateSchema([]byte(r.stdout)); err != nil {
						t.Errorf("SARIF does not validate: %v", err)
					}
					if problems := report.CheckIngestion([]byte(r.stdout)); len(problems) > 0 {
						t.Errorf("GitHub would reject the SARIF: %q", problems)
					}
					if strings.Contains(r.stdout, "automationDetails") {
						t.Errorf("automationDetails present without --sarif-category")
					}
				}
				golden := filepath.Join("testdata", "golden", app+format.ext)
				if *update {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, []byte(r.stdout), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run with -update to create it)", err)
				}
				if r.stdout != string(want) {
					t.Errorf("%s differs from %s (run with -update to accept):\n%s", format.name, golden, lineDiff(string(want), r.stdout))
				}
			})
		}
	}
}

// lineDiff shows the first lines where want and got differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want: %s\n  got:  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// TestDeterministic is checklist S13: two runs, -j 1 and -j 4, and two
// checkouts at different absolute paths give byte-identical output.
func TestDeterministic(t *testing.T) {
	t.Parallel()
	src := filepath.Join(moduleRoot(t), "testdata", "apps", "shop")
	a := filepath.Join(t.TempDir(), "shop")
	b := filepath.Join(t.TempDir(), "a", "much", "longer", "checkout path", "shop")
	copyDir(t, src, a)
	copyDir(t, src, b)
	for _, format := range []string{"sarif", "json", "text", "github"} {
		t.Run(format, func(t *testing.T) {
			t.Parallel()
			var first string
			for i, args := range [][]string{
				{"-j", "1", a}, {"-j", "4", a}, {"-j", "4", a}, {"-j", "1", b}, {"-j", "3", "--repo-root", b, b},
			} {
				r := runCLI(t, append([]string{"--format", format}, args...)...)
				if r.code != exitFindings {
					t.Fatalf("run %d: %s", i, r)
				}
				if i == 0 {
					first = r.stdout
					if strings.Contains(first, a) || strings.Contains(first, os.TempDir()) {
						t.Errorf("output holds an absolute path")
					}
					continue
				}
				if r.stdout != first {
					t.Errorf("run %d (%q) differs from run 0:\n%s", i, args, lineDiff(first, r.stdout))
				}
			}
		})
	}
}

// TestBinary builds nestlint and runs it on the shop app from the module
// root, as CI and pre-commit do: the real exit code and stdout.
func TestBinary(t *testing.T) {
	t.Parallel()
	bin := buildBinary(t)
	root := moduleRoot(t)

	out, err := exec.Command(bin, "--version").Output()
	if err != nil || !strings.HasPrefix(string(out), "nestlint "+testVersion+"\ncommit:   "+testCommit+"\n") {
		t.Errorf("--version = %q, %v; want the stamped version and commit", out, err)
	}

	// --repo-root . in case the module sits inside a larger repository.
	cmd := exec.Command(bin, "--no-color", "--repo-root", ".", filepath.Join("testdata", "apps", "shop"))
	cmd.Dir = root
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if code != exitFindings {
		t.Errorf("exit code %d, want 1\n%s", code, stderr.String())
	}
	want, err := os.ReadFile(filepath.Join("testdata", "golden", "shop.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if stdout.String() != string(want) {
		t.Errorf("stdout differs from testdata/golden/shop.txt:\n%s", lineDiff(string(want), stdout.String()))
	}
	if !strings.Contains(stderr.String(), "nestlint: ") || !strings.Contains(stderr.String(), " in ") {
		t.Errorf("no summary on stderr:\n%s", stderr.String())
	}

	// --exit-zero lets a CI step go on to the SARIF upload.
	sarif := filepath.Join(t.TempDir(), "nestlint.sarif")
	cmd = exec.Command(bin, "--format", "sarif", "--exit-zero", "-o", sarif, "--sarif-category", "shop", "testdata/apps/shop")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("--exit-zero: %v\n%s", err, out)
	}
	data, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte(`"automationDetails": {`)) || !bytes.Contains(data, []byte(`"id": "shop/"`)) {
		t.Errorf("--sarif-category shop: no automationDetails.id \"shop/\"")
	}
	if !bytes.Contains(data, []byte(`"semanticVersion": "`+testVersion+`"`)) {
		t.Errorf("SARIF does not carry the build version %s", testVersion)
	}
}
