//go:build !unix

package pipeline

import "os"

// inode returns 0: not known on this system.
func inode(os.FileInfo) uint64 { return 0 }
