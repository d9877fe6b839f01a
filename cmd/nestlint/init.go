package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/nestlint/nestlint/config"
	"github.com/nestlint/nestlint/rules/lint"
)

// initCmd writes a commented starter nestlint.json in the current folder;
// it never overwrites one.
func initCmd(args []string, all []*lint.Rule, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		return usageError(stderr, "init takes no arguments (got %q)", args[0])
	}
	f, err := os.OpenFile(config.FileName, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return usageError(stderr, "%s already exists; not overwriting it", config.FileName)
		}
		return usageError(stderr, "%v", err)
	}
	_, err = f.Write(config.Starter(sortedRules(all)))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(config.FileName)
		return usageError(stderr, "write %s: %v", config.FileName, err)
	}
	fmt.Fprintf(stdout, "wrote %s\n", config.FileName)
	return exitOK
}
