//go:build unix

package pipeline

import (
	"errors"
	"os"
	"syscall"
)

// processAlive reports whether a process with the id pid exists.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// keepOwner gives f the owner and group of old, when the process may (as
// root); otherwise the file stays the process's.
func keepOwner(f *os.File, old os.FileInfo) {
	if st, ok := old.Sys().(*syscall.Stat_t); ok {
		f.Chown(int(st.Uid), int(st.Gid))
	}
}
