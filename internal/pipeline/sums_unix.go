//go:build unix

package pipeline

import (
	"os"
	"syscall"
)

// inode returns a file's inode number (0 when unknown): a file replaced
// by a rename, as many editors save, has a new one.
func inode(info os.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Ino)
	}
	return 0
}
