package main

import (
	"flag"
	"io"
	"os"
)

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
	if !set && o.Output == "" && tty {
		o.Format = "stylish"
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
