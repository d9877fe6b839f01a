//go:build unix

package lsp

import (
	"syscall"
	"time"
)

// cpuTime is the process's user and system time: on a shared machine the
// wall time of an edit says more about the neighbours than about nestlint.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
