//go:build !unix

package pipeline

import "os"

// processAlive reports whether a process with the id pid exists; without
// a cheap test, assume it does (stale files are then left alone).
func processAlive(pid int) bool { return true }

func keepOwner(f *os.File, old os.FileInfo) {}
