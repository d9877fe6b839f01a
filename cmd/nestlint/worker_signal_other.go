//go:build !unix

package main

import "os/exec"

func deathSignal(ee *exec.ExitError) (name string, n int, stopped bool) {
	return ee.String(), 0, false
}

func closeOnExec(fd int) {}

func setAddressSpaceLimit(n uint64) {}
