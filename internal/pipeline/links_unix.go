//go:build unix

package pipeline

import (
	"os"
	"syscall"
)

// links returns the number of hard links of a file.
func links(info os.FileInfo) uint64 {
	if st, ok := info.Sys().(*syscall.Stat_t); ok {
		return uint64(st.Nlink)
	}
	return 1
}
