package main

import (
	"testing"
	"unsafe"

	"github.com/paralign/paralign/corpus"
)

// TestMemoryLimit: the limit grows with the text, and with the paragraphs
// where they are short, whose structures then outweigh their text (a
// million lines of seven digits held 148 MB against a limit of 102 that
// counted the text alone: the collector ran without pause). paraBytes
// covers a Paragraph at least.
func TestMemoryLimit(t *testing.T) {
	for _, tc := range []struct {
		name        string
		text, paras int64
		least, most int64
	}{
		{"nothing", 0, 0, memoryBase, memoryBase},
		{"prose, 50 MB in paragraphs of 500 bytes", 50 << 20, 100_000, memoryBase + 100<<20, memoryBase + 100<<20},
		{"short lines, 8 MB in a million", 8 << 20, 1_000_000, memoryBase + 125_000_000, memoryBase + 200_000_000},
	} {
		if got := memoryLimit(tc.text, tc.paras); got < tc.least || got > tc.most {
			t.Errorf("%s: limit %d MiB, want %d to %d MiB", tc.name, got>>20, tc.least>>20, tc.most>>20)
		}
	}
	if size := unsafe.Sizeof(corpus.Paragraph{}); size > paraBytes {
		t.Errorf("a corpus.Paragraph takes %d bytes, more than paraBytes (%d)", size, paraBytes)
	}
}
