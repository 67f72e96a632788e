//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

const outputTestText = "1. The first point of the statement, about the rights of every person.\n\n2. The second point of the statement, about the duties of the state.\n"

// alignOut runs paralign align on a small English file with extra
// arguments and returns its exit status, standard output and error.
func alignOut(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	in := filepath.Join(t.TempDir(), "en.txt")
	if err := os.WriteFile(in, []byte(outputTestText), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run(append(append([]string{"align", "--langs", "en,de"}, args...), in), nil, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// TestOutputFIFO writes -o to a named pipe: the pipe is opened and
// written, not replaced by a regular file (the issue found /dev/stdout and
// /dev/null replaced), and a failing run writes nothing to it.
func TestOutputFIFO(t *testing.T) {
	code, want, _ := alignOut(t)
	if code != 0 {
		t.Fatalf("align to stdout: exit %d", code)
	}
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo) // blocks until paralign opens it to write
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	if code, _, stderr := alignOut(t, "-o", fifo); code != 0 {
		t.Fatalf("align -o FIFO: exit %d: %s", code, stderr)
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode().Type() != fs.ModeNamedPipe {
		t.Fatalf("after align -o FIFO: %v, %v; want a named pipe still", info.Mode(), err)
	}
	select {
	case s := <-got:
		if s != want {
			t.Errorf("read from the FIFO %q, want %q", s, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("nothing was written to the FIFO")
	}

	// a failing run: nothing reaches the pipe. The reader opened without
	// blocking sees end of file once no writer is left.
	r, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"align", "-o", fifo, filepath.Join(t.TempDir(), "missing.txt")}, nil, &stdout, &stderr); code != 1 {
		t.Fatalf("failing align -o FIFO: exit %d, want 1: %s", code, stderr.String())
	}
	if b, _ := io.ReadAll(r); len(b) > 0 {
		t.Errorf("a failing run wrote %q to the FIFO", b)
	}
}

// TestOutputFIFOInterrupted: a FIFO nobody reads blocks the open for
// writing; an interrupt ends the wait instead of hanging.
func TestOutputFIFOInterrupted(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	tg, err := checkTarget(fifo, false)
	if err != nil || !tg.inPlace {
		t.Fatalf("checkTarget(FIFO) = %+v, %v; want a target written in place", tg, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- writeTargets(ctx, []*target{tg}, func(ws []io.Writer) error {
			_, err := io.WriteString(ws[0], "x\n")
			return err
		})
	}()
	select {
	case err := <-done:
		if !errors.Is(err, errInterrupted) {
			t.Errorf("writeTargets to an unread FIFO, interrupted = %v, want %v", err, errInterrupted)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("writeTargets to an unread FIFO still blocked after the interrupt")
	}
}

// TestOutputDevice writes -o to a character device: a null device made
// in a temporary directory (which a regression may replace without
// harm), then, only when that passed, /dev/null itself. Both must still
// be character devices afterwards. Making a device needs root on Linux.
func TestOutputDevice(t *testing.T) {
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("making a device node needs root on Linux")
	}
	dev := filepath.Join(t.TempDir(), "null")
	if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Skipf("mknod: %v", err)
	}
	ok := t.Run("temporary", func(t *testing.T) { checkDeviceOutput(t, dev) })
	if !ok {
		t.Fatal("not trying /dev/null: the temporary device was replaced")
	}
	t.Run("/dev/null", func(t *testing.T) { checkDeviceOutput(t, "/dev/null") })
}

func checkDeviceOutput(t *testing.T, dev string) {
	if code, stdout, stderr := alignOut(t, "-o", dev); code != 0 || stdout != "" {
		t.Errorf("align -o %s: exit %d, stdout %q: %s", dev, code, stdout, stderr)
	}
	info, err := os.Lstat(dev)
	if err != nil || info.Mode()&fs.ModeCharDevice == 0 {
		t.Fatalf("after align -o %s: %v, %v; want a character device still", dev, info.Mode(), err)
	}
	entries, _ := os.ReadDir(filepath.Dir(dev))
	for _, e := range entries {
		if filepath.Ext(e.Name()) == ".tmp" {
			t.Errorf("temporary file %s left in %s", e.Name(), filepath.Dir(dev))
		}
	}
}

// TestOutputOwner replaces a file another user owns: it keeps its owner
// and group. Only root may give a file away, so the test needs root.
func TestOutputOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("chown to another user needs root")
	}
	out := filepath.Join(t.TempDir(), "out.tsv")
	if err := os.WriteFile(out, []byte("old\n"), 0o640); err != nil {
		t.Fatal(err)
	}
	const uid, gid = 4321, 4322
	if err := os.Chown(out, uid, gid); err != nil {
		t.Skipf("chown: %v", err)
	}
	if code, _, stderr := alignOut(t, "-o", out); code != 0 {
		t.Fatalf("align -o: exit %d: %s", code, stderr)
	}
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	st := info.Sys().(*syscall.Stat_t)
	if st.Uid != uid || st.Gid != gid || info.Mode().Perm() != 0o640 {
		t.Errorf("after align -o: owner %d:%d mode %v, want %d:%d -rw-r-----", st.Uid, st.Gid, info.Mode(), uid, gid)
	}
}

// write writes a file into dir and returns its path.
func write(t *testing.T, dir, name, text string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDetectNameQuoted: detect's TSV file column quotes a name holding a
// tab or newline (the TSV writer would turn them into spaces, and the
// name could not be read back); JSONL holds it as it is.
func TestDetectNameQuoted(t *testing.T) {
	path := write(t, t.TempDir(), "a\tb.txt", "1. The first point of the statement.\n")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"detect", path}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("detect: exit %d: %s", code, stderr.String())
	}
	want := strconv.Quote(path) + "\t1\t1\ten\t"
	if lines := strings.Split(stdout.String(), "\n"); len(lines) < 2 || !strings.HasPrefix(lines[1], want) {
		t.Errorf("detect TSV = %q, want a row starting %q", stdout.String(), want)
	}
	stdout.Reset()
	if code := run([]string{"detect", "--format", "jsonl", path}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("detect --format jsonl: exit %d: %s", code, stderr.String())
	}
	if want := `"file":` + strconv.Quote(path); !strings.Contains(stdout.String(), want) {
		t.Errorf("detect JSONL = %q, want %s", stdout.String(), want)
	}
}

// TestErrorNamesQuoted: a file name holding a tab or a newline is quoted
// in messages, so the message stays one line and the name is readable.
func TestErrorNamesQuoted(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"missing input", []string{"align", filepath.Join(dir, "no\tsuch.txt")},
			"paralign: " + strconv.Quote(filepath.Join(dir, "no\tsuch.txt")) + ": no such file\n"},
		{"missing output directory", []string{"align", "-o", filepath.Join(dir, "new\ndir", "out.tsv"), filepath.Join(dir, "x.txt")},
			"paralign: " + strconv.Quote(filepath.Join(dir, "new\ndir", "out.tsv")) + ": cannot write: no such directory " + strconv.Quote(filepath.Join(dir, "new\ndir")) + "\n"},
		// issue 12: names in corpus.ParseError and in the versions'
		// errors were printed raw
		{"empty input", []string{"align", write(t, dir, "empty\tfile.txt", "\n\n")},
			"paralign: " + strconv.Quote(filepath.Join(dir, "empty\tfile.txt")) + ": empty input: no text\n"},
		{"no letters", []string{"align", write(t, dir, "num\nbers.txt", "12 34\n\n56\n")},
			"paralign: " + strconv.Quote(filepath.Join(dir, "num\nbers.txt")) + ": no text in any of the languages en,ru,es,de\n"},
		{"two files in one language", []string{"align", write(t, dir, "a\t1.txt", "1. The first point of the statement.\n"), write(t, dir, "a\t2.txt", "1. The first point of the statement, again.\n")},
			"paralign: " + strconv.Quote(filepath.Join(dir, "a\t1.txt")) + " and " + strconv.Quote(filepath.Join(dir, "a\t2.txt")) + " are both in English; name each file's language with --input LANG=PATH\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			run(tt.args, nil, &stdout, &stderr)
			if got := stderr.String(); got != tt.want {
				t.Errorf("stderr = %q, want %q", got, tt.want)
			}
		})
	}
}
