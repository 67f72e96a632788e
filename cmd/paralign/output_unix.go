//go:build unix

package main

import (
	"io/fs"
	"syscall"
)

// fileOwner returns the owner and group of a file.
func fileOwner(info fs.FileInfo) (uid, gid int, ok bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return int(st.Uid), int(st.Gid), true
}

// wOK is access(2)'s W_OK, 2 on every Unix.
const wOK = 2

// writable reports whether the user may write path, asking the kernel
// (access(2)) rather than opening it, which a file watcher would take
// for a write.
func writable(path string) bool { return syscall.Access(path, wOK) == nil }
