package main

import (
	"flag"
	"io"
	"os"

	"github.com/nestlint/nestlint/report"
)

// moreFormatter returns the formatter of the formats added after text,
// json, sarif and github, or nil.
func moreFormatter(o *options, stdout io.Writer) report.Formatter {
	switch o.format {
	case "stylish":
		return report.Stylish{Color: o.colorFor(stdout)}
	case "junit":
		return report.JUnit{}
	case "checkstyle":
		return report.Checkstyle{}
	case "gitlab":
		return report.GitLab{}
	case "html":
		return report.HTML{}
	}
	return nil
}

// stylishSummarized reports whether the stylish output on stdout ended
// with its own summary line (it prints nothing without findings), so that
// the summary is not repeated on stderr.
func stylishSummarized(o *options, r *report.Run) bool {
	if o.format != "stylish" || o.output != "" {
		return false
	}
	for i := range r.Diagnostics {
		if !r.Diagnostics[i].Suppressed {
			return true
		}
	}
	return false
}

// autoFormat picks stylish when no format was given and the report goes to
// a terminal: a person reads it, and stylish names each file once and ends
// with counts per rule. Anything else (a pipe, a file, CI logs, the goldens)
// keeps text, whose file:line:col lines editors and problem matchers parse.
func autoFormat(fs *flag.FlagSet, o *options, stdout io.Writer) {
	pickFormat(fs, o, isTerminal(stdout))
}

// pickFormat is autoFormat with the terminal test done.
func pickFormat(fs *flag.FlagSet, o *options, tty bool) {
	set := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "format" || f.Name == "f" {
			set = true
		}
	})
	if !set && o.output == "" && tty {
		o.format = "stylish"
	}
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
