package main

import (
	"math"
	"os"
	"runtime/debug"
	"sync"

	"github.com/paralign/paralign/corpus"
)

// A run of detect, or of align by section, keeps Go's soft memory limit
// (runtime/debug.SetMemoryLimit) at what it is expected to hold:
// memoryBase, twice the text it read (the text and what is built on it:
// paragraphs, labels, sections), and the high-accuracy models lingua
// loads when a short line needs them, as langid announces them
// (Options.BeforeModels). The collector then works harder as the heap
// nears the limit, where it would otherwise let garbage grow the heap to
// 1.75 times what is live (see heapGrowth): on 50 MB, about 200 MiB at
// the peak instead of 300 to 360 (README, Measurements). The limit is
// soft: a run that needs more takes more, the collector then taking up to
// half the CPU. memoryBase holds lingua's low-accuracy models, the
// candidates' and those the probe for other languages loads (about 30 MB
// on a long text), and the rest of a run that does not grow with its
// input; it is 100 MB less what the process holds outside Go's heap (its
// code, lingua's embedded models as read: about 20 MB), so that the
// whole stays near 100 MB + 2 × the input. Sentence and
// paragraph alignment build more than twice their text (sentences,
// beads) and are left to heapGrowth alone, as is a run with GOMEMLIMIT
// set, which stands.
const memoryBase = 80 << 20

var (
	// capMemory is set by main: a test that calls run leaves its test
	// binary's limit as it is.
	capMemory bool
	limitMu   sync.Mutex
)

// limitMemory sets the soft memory limit of a run over docs.
func limitMemory(docs []*corpus.Document) {
	if !capMemory || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	n := int64(0)
	for _, d := range docs {
		for _, p := range d.Paragraphs {
			n += int64(len(p.Text)) + 1
		}
	}
	limitMu.Lock()
	defer limitMu.Unlock()
	debug.SetMemoryLimit(memoryLimit(n))
}

// memoryLimit is the soft memory limit of a run over text of n bytes.
func memoryLimit(n int64) int64 { return memoryBase + 2*n }

// allowModels raises the limit, when limitMemory has set one, by the
// bytes of the models lingua is about to load.
func allowModels(bytes int64) {
	limitMu.Lock()
	defer limitMu.Unlock()
	if !capMemory || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	if cur := debug.SetMemoryLimit(-1); cur != math.MaxInt64 {
		debug.SetMemoryLimit(cur + bytes)
	}
}
