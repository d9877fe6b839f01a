//go:build unix

package trace

import (
	"os"
	"syscall"
)

// SetShared maps f (SharedSize bytes; it is grown if shorter) and makes
// Begin and End write to it. The mapping lives as long as the process.
func SetShared(f *os.File) error {
	if err := f.Truncate(SharedSize); err != nil {
		return err
	}
	mem, err := syscall.Mmap(int(f.Fd()), 0, SharedSize, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_SHARED)
	if err != nil {
		return err
	}
	shared.Store(&sharedMem{mem: mem})
	return nil
}
