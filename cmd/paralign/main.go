// Command paralign detects the language of every paragraph of multilingual
// documents, aligns their language versions by numbered section, and
// writes parallel text.
//
// Usage:
//
//	paralign detect   [flags] FILE...   language of every paragraph
//	paralign align    [flags] FILE...   parallel output, one row per aligned unit
//	paralign coverage [flags] FILE...   which sections exist in which language
//	paralign compare  [flags] FILE...   translation QA: what differs between the versions
//	paralign convert  [flags] FILE      a table align wrote, edited or not, in another format
//
// FILE is a path or - for standard input. One file is a combined document
// holding several language versions one after another; several files are one
// language version each. Run "paralign COMMAND --help" for the flags and
// examples. Exit codes: 0 success, 1 failure, 2 usage error, 3 a quality
// gate not met, 128 plus the signal's number when Ctrl-C (130) or SIGTERM
// (143) stopped it.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	setGC(heapGrowth)
	capMemory = true
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// heapGrowth is the garbage collector's target (GOGC) of a run: a
// collection when the heap has grown by this percentage since the last.
// Most of paralign's heap lives as long as the run (lingua's models, the
// decoded text, the paragraphs), and Go's default of 100 lets the peak
// reach twice it; at 75, detect on 10 MB peaks at 102 MiB instead of 112
// and align on 8 MB at 98 instead of 117, in the same time (README,
// Measurements). The bead search of --presplit keeps the default (see
// runPresplit). Prometheus lowered its default to 75 for the same reason.
const heapGrowth = 75

// setGC sets the garbage collector's target to percent unless GOGC in the
// environment has a value: the user's setting stands. An empty GOGC is
// none, as for the Go runtime, which then takes its default.
func setGC(percent int) {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(percent)
	}
}
