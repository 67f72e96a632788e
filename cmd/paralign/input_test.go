package main

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
)

// TestReadChunks checks that input of unknown size (a pipe) is read whole,
// in pieces of any size, into a slice no larger than it once it spans
// several chunks; that a read error is returned; and that --max-input
// holds without a size.
func TestReadChunks(t *testing.T) {
	for _, n := range []int{0, 1, 32<<10 - 1, 32 << 10, 32<<10 + 1, 5<<20 + 7} {
		in := make([]byte, n)
		for i := range in {
			in[i] = byte('a' + i%26)
		}
		got, err := readLimited(iotest.HalfReader(bytes.NewReader(in)), 0, 0)
		if err != nil || !bytes.Equal(got, in) {
			t.Fatalf("%d bytes: read %d, %v", n, len(got), err)
		}
		if n > 32<<10 && cap(got) != len(got) {
			t.Errorf("%d bytes: read into %d", n, cap(got))
		}
	}
	for _, r := range []io.Reader{iotest.DataErrReader(bytes.NewReader(make([]byte, 40<<10))), iotest.OneByteReader(bytes.NewReader(make([]byte, 40<<10)))} {
		if got, err := readLimited(r, 0, 0); err != nil || len(got) != 40<<10 {
			t.Errorf("%T: read %d bytes, %v; want %d", r, len(got), err, 40<<10)
		}
	}
	bad := errors.New("disk on fire")
	// an error that comes with the bytes that fill the first chunk
	if _, err := readLimited(&failAfter{n: 32 << 10, err: bad}, 0, 0); !errors.Is(err, bad) {
		t.Errorf("an error with the last bytes gave %v, want %v", err, bad)
	}
	if _, err := readLimited(io.MultiReader(bytes.NewReader(make([]byte, 100<<10)), iotest.ErrReader(bad)), 0, 0); !errors.Is(err, bad) {
		t.Errorf("a failing read gave %v, want %v", err, bad)
	}
	if _, err := readLimited(bytes.NewReader(make([]byte, 1000)), 999, 0); err == nil {
		t.Error("1000 bytes read under a limit of 999")
	}
	if got, err := readLimited(bytes.NewReader(make([]byte, 999)), 999, 0); err != nil || len(got) != 999 {
		t.Errorf("999 bytes under a limit of 999: %d, %v", len(got), err)
	}
}

// failAfter gives n zero bytes in one read, with err.
type failAfter struct {
	n   int
	err error
}

func (f *failAfter) Read(p []byte) (int, error) {
	k := min(f.n, len(p))
	f.n -= k
	return k, f.err
}
