package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/paralign/paralign/corpus"
)

// newFileMode is the mode of a file -o creates; a file it replaces keeps
// its own.
const newFileMode = 0o644

// maxLinkHops bounds the symbolic links followed when looking for a
// descriptor path, as the kernel bounds them (Linux: 40).
const maxLinkHops = 40

// target is one file -o names, checked before any input is read so that
// a run that cannot write fails before its work, and nothing is
// destroyed:
//
//   - a regular file (or a new one) is replaced atomically: a temporary
//     file beside it, renamed over it when the run succeeds, keeping the
//     old file's mode and, where allowed, its owner. A symbolic link is
//     followed and its target replaced; the link stays. A hard link is
//     replaced like any file: the path named gets the output, its other
//     names keep the old content.
//   - anything else (a device such as /dev/null, a FIFO, a socket,
//     /dev/stdout or /dev/fd/N) is opened and written in place, never
//     renamed over, and only once the run has succeeded.
type target struct {
	name    string      // the path as given, for messages
	dest    string      // the file written: name with symbolic links resolved
	inPlace bool        // written in place, not replaced
	old     fs.FileInfo // dest before the run; nil when it does not exist yet
	// writing is env.writing: read-locked while the temporary file
	// exists. Nil: not locked.
	writing *sync.RWMutex
}

// checkTarget validates -o PATH: its directory exists and takes a new
// file, it is not a directory nor a link to nothing, and a read-only file
// is refused unless force.
func checkTarget(name string, force bool) (*target, error) {
	if strings.HasSuffix(name, string(filepath.Separator)) {
		return nil, fmt.Errorf("%s: names a directory; -o wants a file path", quoteName(name))
	}
	info, err := os.Stat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return checkNewTarget(name)
	case err != nil:
		return nil, fmt.Errorf("%s: cannot write: %w", quoteName(name), plainPathError(err))
	case info.IsDir():
		return nil, fmt.Errorf("%s: is a directory; -o wants a file path", quoteName(name))
	case !info.Mode().IsRegular() || isDescriptorLink(name):
		return &target{name: name, dest: name, inPlace: true, old: info}, nil
	}
	dest, err := filepath.EvalSymlinks(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", quoteName(name), plainPathError(err))
	}
	if !force && readOnly(dest, info) {
		return nil, fmt.Errorf("%s: read-only; --force replaces it", quoteName(name))
	}
	if err := probeDir(filepath.Dir(dest)); err != nil {
		return nil, fmt.Errorf("%s: cannot write: %w", quoteName(name), err)
	}
	return &target{name: name, dest: dest, old: info}, nil
}

// checkNewTarget validates a path that names no file yet.
func checkNewTarget(name string) (*target, error) {
	if l, err := os.Readlink(name); err == nil {
		return nil, fmt.Errorf("%s: a symbolic link to a missing file (%s)", quoteName(name), quoteName(l))
	}
	dir := filepath.Dir(name)
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: cannot write: no such directory %s", quoteName(name), quoteName(dir))
	case err != nil:
		return nil, fmt.Errorf("%s: cannot write: %w", quoteName(name), plainPathError(err))
	case !info.IsDir():
		return nil, fmt.Errorf("%s: cannot write: %s is not a directory", quoteName(name), quoteName(dir))
	}
	if err := probeDir(dir); err != nil {
		return nil, fmt.Errorf("%s: cannot write: %w", quoteName(name), err)
	}
	return &target{name: name, dest: name}, nil
}

// readOnly reports whether a regular file is write-protected: no write
// permission bit (which root would ignore), or not writable by the user.
func readOnly(path string, info fs.FileInfo) bool {
	return info.Mode().Perm()&0o222 == 0 || !writable(path)
}

// probeDir checks that a temporary file can be made in dir, as the write
// will make one.
func probeDir(dir string) error {
	f, err := os.CreateTemp(dir, ".paralign-*.tmp")
	if err != nil {
		return plainPathError(err)
	}
	f.Close()
	return os.Remove(f.Name())
}

// descriptorPath matches the paths that name an open file descriptor
// rather than a file: what they lead to is written in place.
var descriptorPath = regexp.MustCompile(`^/dev/(stdout|stderr|fd/\d+)$|^/proc/(self|\d+)/fd/\d+$`)

// isDescriptorLink reports whether name, or a symbolic link it leads
// through, is a descriptor path such as /dev/stdout: replacing the file
// behind it would cut the descriptor's reader off, and undo the shell's
// >> into the same file.
func isDescriptorLink(name string) bool {
	p := name
	for range maxLinkHops {
		if descriptorPath.MatchString(filepath.Clean(p)) {
			return true
		}
		l, err := os.Readlink(p)
		if err != nil {
			return false
		}
		if !filepath.IsAbs(l) {
			l = filepath.Join(filepath.Dir(p), l)
		}
		p = l
	}
	return false
}

// targets checks the files -o names before any input is read: each
// writable and none of them an input.
func (o *commonOpts) targets(e *env, langs []corpus.Lang, srcs []source) ([]*target, error) {
	paths, err := outputPaths(o.output, o.split, langs)
	if err != nil {
		return nil, err
	}
	if len(paths) > 0 && o.split == pairDir {
		if err := makePairDir(o.output); err != nil {
			return nil, err
		}
	}
	for _, p := range paths {
		if err := checkNotInput(e, p, srcs); err != nil {
			return nil, err
		}
	}
	var out []*target
	for _, p := range paths {
		t, err := checkTarget(p, o.force)
		if err != nil {
			return nil, err
		}
		t.writing = e.writing
		out = append(out, t)
	}
	return out, nil
}

// checkNotInput refuses an output path that is one of the inputs (the
// same file, through a link or a hard link as well): a usage error.
func checkNotInput(e *env, path string, srcs []source) error {
	info, err := os.Stat(path)
	if err != nil {
		return nil // a new file is no input
	}
	for _, s := range srcs {
		if in := sourceInfo(e, s); in != nil && os.SameFile(info, in) {
			return usagef("-o %s: is the input %s; write the output elsewhere", quoteName(path), quoteName(s.path))
		}
	}
	return nil
}

// sourceInfo stats an input, standard input included when it is a file;
// nil when it cannot (reading it will say why).
func sourceInfo(e *env, s source) fs.FileInfo {
	if s.path != "-" {
		info, _ := os.Stat(s.path)
		return info
	}
	if f, ok := e.stdin.(*os.File); ok {
		info, _ := f.Stat()
		return info
	}
	return nil
}

// pending is a target being written: a temporary file beside it, or a
// buffer for a target written in place.
type pending struct {
	ctx context.Context
	t   *target
	tmp *os.File
	buf bytes.Buffer
}

// begin starts writing a target. Once the run is interrupted no
// temporary file is made (run holds t.writing then, and begin waits).
func (t *target) begin(ctx context.Context) (*pending, error) {
	p := &pending{ctx: ctx, t: t}
	if t.inPlace {
		return p, nil
	}
	if t.writing != nil {
		t.writing.RLock()
	}
	if ctx.Err() != nil {
		p.release()
		return nil, errInterrupted
	}
	tmp, err := os.CreateTemp(filepath.Dir(t.dest), ".paralign-*.tmp")
	if err != nil {
		p.release()
		return nil, fmt.Errorf("%s: cannot write: %w", quoteName(t.name), plainPathError(err))
	}
	p.tmp = tmp
	return p, nil
}

// release ends p's hold on t.writing: its temporary file is gone.
func (p *pending) release() {
	if p.t.writing != nil {
		p.t.writing.RUnlock()
	}
}

// Write writes to the temporary file or buffer; an interrupt stops it.
func (p *pending) Write(b []byte) (int, error) {
	if p.ctx.Err() != nil {
		return 0, errInterrupted
	}
	if p.tmp == nil {
		return p.buf.Write(b)
	}
	return p.tmp.Write(b)
}

// prepare makes a temporary file ready to replace its target: the old
// file's owner (best effort) and mode, its data on disk.
func (p *pending) prepare() error {
	if p.tmp == nil {
		return nil
	}
	mode := fs.FileMode(newFileMode)
	if p.t.old != nil {
		mode = p.t.old.Mode() & (fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky)
		if uid, gid, ok := fileOwner(p.t.old); ok {
			p.tmp.Chown(uid, gid) // only root may give a file away: best effort
		}
	}
	err := errors.Join(p.tmp.Chmod(mode), p.tmp.Sync(), p.tmp.Close())
	if err != nil {
		return fmt.Errorf("%s: %w", quoteName(p.t.name), plainPathError(err))
	}
	return nil
}

// commit puts the output in place: the temporary file renamed over the
// target, or the buffer written into it.
func (p *pending) commit(ctx context.Context) error {
	if p.tmp != nil {
		if err := os.Rename(p.tmp.Name(), p.t.dest); err != nil {
			return fmt.Errorf("%s: %w", quoteName(p.t.name), plainPathError(err))
		}
		p.tmp = nil
		p.release()
		return nil
	}
	f, err := openInPlace(ctx, p.t.dest)
	if errors.Is(err, errInterrupted) {
		return err
	}
	if err != nil {
		return fmt.Errorf("%s: cannot write: %w", quoteName(p.t.name), plainPathError(err))
	}
	_, err = f.Write(p.buf.Bytes())
	if err = errors.Join(err, f.Close()); err != nil {
		return fmt.Errorf("%s: %w", quoteName(p.t.name), plainPathError(err))
	}
	return nil
}

// openInPlace opens a target written in place, for appending: a FIFO
// blocks until it has a reader, which an interrupt cuts short (the open
// is then left to the process's exit). Appending writes at the end of a
// file reached through /dev/stdout, as the shell's > and >> both want.
func openInPlace(ctx context.Context, path string) (*os.File, error) {
	type opened struct {
		f   *os.File
		err error
	}
	c := make(chan opened, 1)
	go func() {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
		c <- opened{f, err}
	}()
	select {
	case o := <-c:
		return o.f, o.err
	case <-ctx.Done():
		return nil, errInterrupted
	}
}

// abort removes a temporary file not renamed.
func (p *pending) abort() {
	if p.tmp != nil {
		p.tmp.Close()
		os.Remove(p.tmp.Name())
		p.tmp = nil
		p.release()
	}
}

// writeTargets writes what produce writes to ws[k] into ts[k], all or
// none: nothing reaches any target unless produce succeeds for all of
// them and the run is not interrupted. On failure no temporary file is
// left and the targets are as they were; should a rename fail, the ones
// before it are whole and the message names the one that is not.
func writeTargets(ctx context.Context, ts []*target, produce func(ws []io.Writer) error) error {
	ps := make([]*pending, 0, len(ts))
	defer func() {
		for _, p := range ps {
			p.abort()
		}
	}()
	ws := make([]io.Writer, len(ts))
	for k, t := range ts {
		p, err := t.begin(ctx)
		if err != nil {
			return err
		}
		ps = append(ps, p)
		ws[k] = p
	}
	if err := produce(ws); err != nil {
		return err
	}
	if ctx.Err() != nil {
		return errInterrupted
	}
	for _, p := range ps {
		if err := p.prepare(); err != nil {
			return err
		}
	}
	for _, p := range ps {
		if err := p.commit(ctx); err != nil {
			return err
		}
	}
	return nil
}

// writeOutput writes what produce writes to the -o target, atomically:
// the file is replaced only when produce succeeds. Without -o it streams
// to standard output, rows as they come (through a buffer of
// stdoutBuffer bytes), so that the output is never held whole in memory.
func writeOutput(ctx context.Context, e *env, ts []*target, produce func(w io.Writer) error) error {
	if len(ts) == 0 {
		bw := bufio.NewWriterSize(e.stdout, stdoutBuffer)
		if err := produce(bw); err != nil {
			return err
		}
		if ctx.Err() != nil {
			return errInterrupted
		}
		return bw.Flush()
	}
	return writeTargets(ctx, ts, func(ws []io.Writer) error { return produce(ws[0]) })
}

// stdoutBuffer is the size in bytes of the buffer between the writers
// and standard output: a few hundred rows.
const stdoutBuffer = 64 << 10

// outputPaths returns the files -o names: none for standard output, the
// path, or the files of every pair of langs (in langs order) that split
// names. A prefix must name a file, not a directory: a usage error.
func outputPaths(path string, s split, langs []corpus.Lang) ([]string, error) {
	if path == "" || path == "-" {
		return nil, nil
	}
	if s == oneFile {
		return []string{path}, nil
	}
	if s == pairPrefix {
		if err := checkPrefix(path); err != nil {
			return nil, err
		}
	}
	var paths []string
	for a := range langs {
		for b := a + 1; b < len(langs); b++ {
			paths = append(paths, pairFiles(path, s, langs[a], langs[b])...)
		}
	}
	return paths, nil
}

// checkPrefix refuses a prefix that names a directory (out/, ./, .., an
// existing directory), which would make hidden files .en, .de in it.
func checkPrefix(prefix string) error {
	base := filepath.Base(prefix)
	info, err := os.Stat(prefix)
	if strings.HasSuffix(prefix, string(filepath.Separator)) || base == "." || base == ".." || (err == nil && info.IsDir()) {
		eg := filepath.Join(prefix, "corpus")
		return usagef("--format moses -o %s: wants a file name prefix such as %s (making %s.en-ru.en, …), not a directory", quoteName(prefix), quoteName(eg), quoteName(eg))
	}
	return nil
}
