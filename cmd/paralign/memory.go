package main

import (
	"math"
	"os"
	"runtime/debug"
	"sync"

	"github.com/paralign/paralign/corpus"
)

// A run of detect, or of align by section, on one document keeps Go's soft
// memory limit (runtime/debug.SetMemoryLimit) at what it is expected to
// hold: memoryBase; the text it read; as much again for what is built on
// the text (labels, sections, rows), or paraBytes a paragraph when that is
// more (short paragraphs: a Paragraph, label included, is 120 bytes, and
// the labels of paragraphs plainly in a language share their Langs); and
// the high-accuracy models lingua loads when a short line needs them, as
// langid announces them (Options.BeforeModels). The collector then works
// harder as the heap nears the limit, where it would otherwise let garbage
// grow the heap to 1.75 times what is live (see heapGrowth): on 50 MB, 180
// to 184 MiB at the peak instead of 310 to 385 (README, Measurements). The
// limit is soft: a run that needs more gets it, the collector then taking
// up to half the CPU. memoryBase holds lingua's low-accuracy models, the
// candidates' and those the probe for other languages loads (about 30 MB
// on a long text), and the rest of a run that does not grow with its
// input; it is the goal of 100 MB (95 MiB) less what the process holds
// beyond the limit: its code and lingua's embedded models as read (about
// 15 MiB), and free memory the runtime has yet to give back (about 10). At
// 80 MiB, align on 50 MB peaked at 191 MiB in 14.0 s; at 70, 184 MiB in
// 15.0 s (median of three; the fastest runs were alike). Sentence and
// paragraph alignment build more than twice their text (sentences, beads)
// and keep heapGrowth alone (100 with --presplit); so do many documents in
// one run (each its own size), align's one file per pair, coverage and
// compare, and a run with GOMEMLIMIT set, which stands. The limit is set
// once the inputs are read; until then, an input in another encoding than
// UTF-8 is held twice for a moment, as read and as decoded.
const (
	memoryBase = 70 << 20
	paraBytes  = 120
)

var (
	// capMemory is set by main: a test that calls run leaves its test
	// binary's limit as it is.
	capMemory bool
	limitMu   sync.Mutex
)

// ownLimit reports whether the memory limit is paralign's to set: in the
// command (not a test calling run), and GOMEMLIMIT has no value.
func ownLimit() bool { return capMemory && os.Getenv("GOMEMLIMIT") == "" }

// limitMemory sets the soft memory limit of a run over docs.
func limitMemory(docs []*corpus.Document) {
	if !ownLimit() {
		return
	}
	text, paras := int64(0), int64(0)
	for _, d := range docs {
		for _, p := range d.Paragraphs {
			text += int64(len(p.Text)) + 1
		}
		paras += int64(len(d.Paragraphs))
	}
	limitMu.Lock()
	defer limitMu.Unlock()
	debug.SetMemoryLimit(memoryLimit(text, paras))
}

// memoryLimit is the soft memory limit of a run over text bytes in paras
// paragraphs.
func memoryLimit(text, paras int64) int64 {
	return memoryBase + text + max(text, paraBytes*paras)
}

// allowModels raises the limit, when limitMemory has set one, by the
// bytes of the models lingua is about to load.
func allowModels(bytes int64) {
	if !ownLimit() {
		return
	}
	limitMu.Lock()
	defer limitMu.Unlock()
	if cur := debug.SetMemoryLimit(-1); cur != math.MaxInt64 {
		debug.SetMemoryLimit(cur + bytes)
	}
}
