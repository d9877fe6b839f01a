//go:build unix

package safeio

import (
	"os"
	"syscall"
)

// openNonBlock opens path for reading without blocking on a FIFO whose
// writer is missing.
func openNonBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
