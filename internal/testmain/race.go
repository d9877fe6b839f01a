//go:build race

package testmain

import "syscall"

const raceEnabled = true

// exitNow ends the process with status 0 without running the race
// runtime's finalizer (os.Exit(0) would, and it sleeps atexit_sleep_ms).
func exitNow() { syscall.Exit(0) }
