package main

import (
	"encoding/json"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The formats added to text/json/sarif/github report the same findings as
// the JSON output, end to end on the shop fixture.
func TestMoreFormatsEndToEnd(t *testing.T) {
	shop := filepath.Join("..", "..", "testdata", "apps", "shop")
	j := runCLI(t, "--format", "json", shop)
	var doc struct {
		Diagnostics []struct {
			Suppressed bool `json:"suppressed"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal([]byte(j.stdout), &doc); err != nil {
		t.Fatalf("json: %v\n%s", err, j)
	}
	want := 0
	for _, d := range doc.Diagnostics {
		if !d.Suppressed {
			want++
		}
	}
	if want < 5 {
		t.Fatalf("the shop fixture should have several findings, has %d", want)
	}

	t.Run("gitlab", func(t *testing.T) {
		r := runCLI(t, "--format", "gitlab", shop)
		var issues []map[string]any
		if err := json.Unmarshal([]byte(r.stdout), &issues); err != nil || r.code != exitFindings {
			t.Fatalf("%v\n%s", err, r)
		}
		if len(issues) != want {
			t.Errorf("%d issues, want %d", len(issues), want)
		}
	})
	t.Run("junit", func(t *testing.T) {
		r := runCLI(t, "--format", "junit", shop)
		var s struct {
			Failures int `xml:"failures,attr"`
		}
		if err := xml.Unmarshal([]byte(r.stdout), &s); err != nil || r.code != exitFindings {
			t.Fatalf("%v\n%s", err, r)
		}
		if s.Failures != want {
			t.Errorf("%d failures, want %d", s.Failures, want)
		}
	})
	t.Run("checkstyle", func(t *testing.T) {
		r := runCLI(t, "--format", "checkstyle", shop)
		var s struct {
			Files []struct {
				Errors []struct{} `xml:"error"`
			} `xml:"file"`
		}
		if err := xml.Unmarshal([]byte(r.stdout), &s); err != nil || r.code != exitFindings {
			t.Fatalf("%v\n%s", err, r)
		}
		n := 0
		for _, f := range s.Files {
			n += len(f.Errors)
		}
		if n != want {
			t.Errorf("%d errors, want %d", n, want)
		}
	})
	t.Run("stylish", func(t *testing.T) {
		r := runCLI(t, "--format", "stylish", shop)
		if r.code != exitFindings || !strings.Contains(r.stdout, "✖ "+itoa(want)+" problems (") {
			t.Errorf("want the total of %d problems:\n%s", want, r)
		}
		if strings.Contains(r.stdout, "\x1b[") {
			t.Error("colour in a pipe")
		}
		if regexp.MustCompile(`(?m)^nestlint: \d+ (errors?|warnings?|notes?)\b`).MatchString(r.stderr) {
			t.Errorf("the summary is repeated on stderr:\n%s", r.stderr)
		}
		if r := runCLI(t, "--format", "stylish", filepath.Join("..", "..", "testdata", "apps", "clean")); r.stdout != "" || !strings.Contains(r.stderr, "no problems in ") {
			t.Errorf("a clean run prints nothing on stdout and the summary on stderr:\n%s", r)
		}
	})
	t.Run("html to stdout", func(t *testing.T) {
		r := runCLI(t, "--format", "html", shop)
		if r.code != exitFindings || !strings.HasPrefix(r.stdout, "<!DOCTYPE html>") || !strings.Contains(r.stdout, `"graph":{"modules":[`) {
			t.Errorf("want an HTML page with the module graph:\n%.300s", r.stdout)
		}
	})
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestUnknownFormatListsFormats(t *testing.T) {
	r := runCLI(t, "--format", "xml", ".")
	if r.code != exitUsage || !strings.Contains(r.stderr, "stylish, junit, checkstyle, gitlab, html") {
		t.Errorf("%s", r)
	}
}

func TestPickFormat(t *testing.T) {
	for _, c := range []struct {
		args []string
		tty  bool
		want string
	}{
		{nil, true, "stylish"},
		{nil, false, "text"},
		{[]string{"--format", "text"}, true, "text"},
		{[]string{"--format", "json"}, true, "json"},
		{[]string{"-o", "out.txt"}, true, "text"},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		o := &options{}
		fs.StringVar(&o.Format, "format", "text", "")
		fs.StringVar(&o.Output, "o", "", "")
		if err := fs.Parse(c.args); err != nil {
			t.Fatal(err)
		}
		pickFormat(fs, o, c.tty)
		if o.Format != c.want {
			t.Errorf("%v tty=%v: format %q, want %q", c.args, c.tty, o.Format, c.want)
		}
	}
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if isTerminal(f) || isTerminal(io.Discard) {
		t.Error("a regular file or a non-file writer is not a terminal")
	}
}
