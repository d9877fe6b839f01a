package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nestlint/nestlint/report"
)

// The finding of requestOnlyTS, as the text output prints it.
const requestFinding = "cats.controller.ts:8:12: error: `fs.readFileSync` blocks the event loop on the request path"

func TestSyntaxErrorFileIsStillLinted(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"cats.controller.ts": requestOnlyTS + "\nexport function broken( {\n  const = ;\n}\n"})
	r := runSync(t, dir)
	if r.code != exitFindings || !strings.Contains(r.stdout, requestFinding) {
		t.Errorf("the parsable part was not linted:\n%s", r)
	}
	if !strings.Contains(r.stderr, "cats.controller.ts:12:1: notice: syntax error: lines 12-14 do not parse; the rest of the file is linted") {
		t.Errorf("no syntax error notice with a position and the lines that do not parse:\n%s", r)
	}
	// --silent drops the notice, not the summary.
	q := runSync(t, "--silent", dir)
	if strings.Contains(q.stderr, "syntax error") || !strings.Contains(q.stderr, "1 error in 1 file") {
		t.Errorf("--silent:\n%s", q)
	}
	// JSON carries the notice too.
	j := runSync(t, "--format", "json", dir)
	var doc struct {
		Notices []struct {
			Level, Message, File string
			Line, Column         int
		}
	}
	if err := json.Unmarshal([]byte(j.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Notices) != 1 || doc.Notices[0].File != "cats.controller.ts" || doc.Notices[0].Line != 12 {
		t.Errorf("json notices = %+v", doc.Notices)
	}
}

func TestBinaryFileIsSkipped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"cats.controller.ts": requestOnlyTS,
		"blob.ts":            "export const a = 1;\x00\x01\x02" + requestOnlyTS,
	})
	r := runSync(t, dir)
	if r.code != exitFindings || strings.Count(r.stdout, "\n") != 1 || !strings.Contains(r.stdout, requestFinding) {
		t.Errorf("want exactly the controller's finding:\n%s", r)
	}
	if !strings.Contains(r.stderr, "blob.ts: warning: binary file (NUL byte): skipped") {
		t.Errorf("no notice for the binary file:\n%s", r)
	}
}

func TestFileOverMaxSizeIsSkipped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	big := requestOnlyTS + "// " + strings.Repeat("padding ", 400) + "\n"
	writeFiles(t, dir, map[string]string{"cats.controller.ts": requestOnlyTS, "big.controller.ts": big})
	r := runSync(t, "--max-file-size", "1000", dir)
	if r.code != exitFindings || strings.Count(r.stdout, "\n") != 1 || !strings.Contains(r.stdout, requestFinding) {
		t.Errorf("want exactly the small file's finding:\n%s", r)
	}
	want := fmt.Sprintf("big.controller.ts: warning: file is %d bytes, over the 1000-byte limit", len(big))
	if !strings.Contains(r.stderr, want) {
		t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
	}
	// The default limit lints both.
	if r := runSync(t, dir); strings.Count(r.stdout, "\n") != 2 {
		t.Errorf("default limit:\n%s", r)
	}
}

func TestLineEndingsAndBOMPositions(t *testing.T) {
	t.Parallel()
	call := "fs.readFileSync('/etc/cats.json', 'utf8')"
	tests := []struct {
		name, content string
	}{
		{"lf", requestOnlyTS},
		{"crlf", strings.ReplaceAll(requestOnlyTS, "\n", "\r\n")},
		{"bom+crlf", "\uFEFF" + strings.ReplaceAll(requestOnlyTS, "\n", "\r\n")},
		{"bom+lf", "\uFEFF" + requestOnlyTS},
		{"cr only", strings.ReplaceAll(requestOnlyTS, "\n", "\r")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{"cats.controller.ts": tc.content})
			r := runSync(t, dir)
			if !strings.HasPrefix(r.stdout, "cats.controller.ts:8:12: error:") {
				t.Errorf("text position:\n%s", r)
			}
			s := runSync(t, "--format", "sarif", dir)
			var log struct {
				Runs []struct {
					Results []struct {
						Locations []struct {
							PhysicalLocation struct {
								Region struct{ StartLine, StartColumn, EndLine, EndColumn int }
							}
						}
					}
				}
			}
			if err := json.Unmarshal([]byte(s.stdout), &log); err != nil {
				t.Fatal(err)
			}
			if len(log.Runs) != 1 || len(log.Runs[0].Results) != 1 {
				t.Fatalf("want one result:\n%s", s)
			}
			got := log.Runs[0].Results[0].Locations[0].PhysicalLocation.Region
			want := struct{ StartLine, StartColumn, EndLine, EndColumn int }{8, 12, 8, 12 + len(call)}
			if got != want {
				t.Errorf("region = %+v, want %+v", got, want)
			}
		})
	}
}

func TestSymlinkLoopTerminates(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"src/cats.controller.ts": requestOnlyTS})
	for link, target := range map[string]string{"src/loop": "..", "src/self": ".", "up": dir} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Skipf("symlinks unavailable: %v", err)
		}
	}
	done := make(chan result, 1)
	go func() { done <- runSync(t, dir) }()
	select {
	case r := <-done:
		if r.code != exitFindings || strings.Count(r.stdout, "\n") != 1 || !strings.Contains(r.stdout, "src/"+requestFinding) {
			t.Errorf("want the finding once:\n%s", r)
		}
	case <-time.After(2 * time.Minute):
		t.Fatal("nestlint did not finish on a symlink loop")
	}
	// A symlinked folder given explicitly is linted under its real name.
	r := runSync(t, filepath.Join(dir, "src", "loop", "src"))
	if r.code != exitFindings || !strings.Contains(r.stdout, requestFinding) {
		t.Errorf("explicit symlinked folder:\n%s", r)
	}
}

func TestEmptyFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"README.md": "# nothing here\n", "node_modules/x/index.ts": requestOnlyTS})
	r := runSync(t, dir)
	if r.code != exitUsage || r.stdout != "" || !strings.Contains(r.stderr, "nothing to lint: no TypeScript files under "+dir) {
		t.Errorf("want exit 2 naming the folder:\n%s", r)
	}
	for _, format := range []string{"text", "json", "github", "sarif"} {
		t.Run(format, func(t *testing.T) {
			r := runSync(t, "--allow-empty", "--format", format, dir)
			if r.code != exitOK || r.stderr != "nestlint: no files to lint\n" {
				t.Errorf("want exit 0 and \"no files to lint\":\n%s", r)
			}
			switch format {
			case "text":
				if r.stdout != "" {
					t.Errorf("text output not empty: %q", r.stdout)
				}
			case "json":
				var doc struct{ Diagnostics, Notices []any }
				if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil || doc.Diagnostics == nil || len(doc.Diagnostics) != 0 {
					t.Errorf("json: %v\n%s", err, r.stdout)
				}
			case "sarif":
				if err := report.ValidateSchema([]byte(r.stdout)); err != nil {
					t.Errorf("empty SARIF log is invalid: %v", err)
				}
				if !strings.Contains(r.stdout, `"results": []`) {
					t.Errorf("no empty results array:\n%s", r.stdout)
				}
			}
		})
	}
}

// deepTS nests expressions 2,000 levels deep in every way a recursive
// walker could trip on, around a request-path readFileSync call.
func deepTS(depth int) string {
	var b strings.Builder
	b.WriteString("import { Controller, Get } from '@nestjs/common';\nimport * as fs from 'fs';\n\nfunction f(x: unknown): unknown { return x; }\n\n")
	fmt.Fprintf(&b, "export const parens = %s1%s;\n", strings.Repeat("(", depth), strings.Repeat(")", depth))
	fmt.Fprintf(&b, "export const arrays = %s%s;\n", strings.Repeat("[", depth), strings.Repeat("]", depth))
	fmt.Fprintf(&b, "export const calls = %s1%s;\n", strings.Repeat("f(", depth), strings.Repeat(")", depth))
	fmt.Fprintf(&b, "export const objects = %s1%s;\n", strings.Repeat("{ a: ", depth), strings.Repeat(" }", depth))
	fmt.Fprintf(&b, "export const sum = 1%s;\n", strings.Repeat(" + 1", depth))
	fmt.Fprintf(&b, "export const arrows = %s1;\n", strings.Repeat("() => ", depth))
	fmt.Fprintf(&b, "export const ternary = %s0;\n", strings.Repeat("1 ? 2 : ", depth))
	fmt.Fprintf(&b, "export function blocks(x: boolean) {\n%s\n%s\n}\n", strings.Repeat("if (x) { ", depth), strings.Repeat("} ", depth))
	b.WriteString("\n@Controller('deep')\nexport class DeepController {\n  @Get()\n  find() {\n")
	fmt.Fprintf(&b, "    return %sfs.readFileSync('/x')%s;\n  }\n}\n", strings.Repeat("f(", depth), strings.Repeat(")", depth))
	return b.String()
}

func TestDeeplyNestedFileDoesNotCrash(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"deep.controller.ts": deepTS(2000), "cats.controller.ts": requestOnlyTS})
	r := runSync(t, dir)
	if r.code == exitInternal || r.code == exitUsage {
		t.Fatalf("exit %d:\n%s", r.code, r)
	}
	if !strings.Contains(r.stdout, requestFinding) {
		t.Errorf("the other file's finding is missing:\n%s", r)
	}
	if !strings.Contains(r.stdout, "deep.controller.ts:") {
		t.Errorf("the nested readFileSync is not reported:\n%s", r)
	}
}

// TestExplicitRootInIgnoredFolder: a folder named on the command line is
// linted even when the enclosing repository's .gitignore ignores it;
// what it ignores below the folder stays ignored, and a run whose files
// are all ignored says by which .gitignore and exits 2.
func TestExplicitRootInIgnoredFolder(t *testing.T) {
	t.Parallel()
	dir, err := resolve(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{
		".git/HEAD":                       "ref: refs/heads/main\n",
		".gitignore":                      "vendor/\n*.gen.ts\n",
		"vendor/app/cats.controller.ts":   requestOnlyTS,
		"vendor/app/cats.gen.ts":          requestOnlyTS,
		"only-ignored/.gitignore":         "*.ts\n",
		"only-ignored/cats.controller.ts": requestOnlyTS,
	})
	r := runSync(t, filepath.Join(dir, "vendor", "app"))
	if r.code != exitFindings || !strings.Contains(r.stdout, "vendor/app/cats.controller.ts:") || strings.Contains(r.stdout, "cats.gen.ts") {
		t.Errorf("explicit ignored folder not linted (or its ignored file linted):\n%s", r)
	}
	r = runSync(t, filepath.Join(dir, "only-ignored"))
	if r.code != exitUsage || !strings.Contains(r.stderr, "is ignored (1 by only-ignored/.gitignore)") {
		t.Errorf("want exit 2 naming the .gitignore:\n%s", r)
	}
}

// TestValidSyntaxHasNoNotice: syntax tsc accepts and the grammar needs help
// with (docs/parser.md) gives no syntax error notice.
func TestValidSyntaxHasNoNotice(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"orders.types.ts": "export interface Order {\n  id: string\n  in: 'web' | 'store'\n  abstract?: boolean\n}\nexport interface Box<out T> { get(): T }\n",
		"index.ts":        "export type * from './orders.types';\nexport function run(pool: { open(): Disposable }) {\n  using conn = pool.open();\n  return conn;\n}\n",
		"footer.tsx":      "export const Footer = () => <a href=\"/terms?a=1&b=2\">Terms & Conditions</a>;\n",
	})
	r := runSync(t, "--scope", "all", dir)
	if strings.Contains(r.stderr, "syntax error") || r.code != exitOK {
		t.Errorf("valid TypeScript reported as broken:\n%s", r)
	}
}
