//go:build unix

package main

import (
	"os/exec"
	"syscall"
)

// setAddressSpaceLimit caps the process's address space (RLIMIT_AS).
func setAddressSpaceLimit(n uint64) {
	syscall.Setrlimit(syscall.RLIMIT_AS, &syscall.Rlimit{Cur: n, Max: n})
}

// closeOnExec marks fd close-on-exec.
func closeOnExec(fd int) { syscall.CloseOnExec(fd) }

// deathSignal names the signal that killed a worker; stopped is true for
// the signals that stop a program on purpose (SIGTERM, SIGHUP, SIGINT).
func deathSignal(ee *exec.ExitError) (name string, n int, stopped bool) {
	ws, ok := ee.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() {
		return "unknown signal", 0, false
	}
	s := ws.Signal()
	switch s {
	case syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT:
		return s.String(), int(s), true
	}
	return s.String(), int(s), false
}
