// Command beadrun aligns two files of one unit per line with
// align.AlignUnits and writes the ladder; it serves
// scripts/bench-sentences.sh, which times it on long synthetic texts.
//
//	beadrun [-lines N] [-maxspan N] [-o FILE] SRC TGT
//
// With -lines N both texts are repeated until they reach N lines and cut
// there.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/paralign/paralign/align"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("beadrun", flag.ContinueOnError)
	fs.SetOutput(stderr)
	lines := fs.Int("lines", 0, "repeat both texts to this many lines (0: as they are)")
	maxSpan := fs.Int("maxspan", 0, "BeadOptions.MaxSpan")
	band := fs.Int("band", 0, "BeadOptions.Band")
	out := fs.String("o", "", "write the ladder here (default stdout; /dev/null to time only)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "usage: beadrun [-lines N] [-maxspan N] [-band N] [-o FILE] SRC TGT")
		return 2
	}
	var texts [2][]string
	for k := range texts {
		b, err := os.ReadFile(fs.Arg(k))
		if err != nil {
			fmt.Fprintln(stderr, "beadrun:", err)
			return 1
		}
		texts[k] = repeat(strings.Split(strings.TrimSuffix(string(b), "\n"), "\n"), *lines)
	}
	start := time.Now()
	beads := align.AlignUnits(texts[0], texts[1], align.BeadOptions{MaxSpan: *maxSpan, Band: *band})
	elapsed := time.Since(start)
	w := stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(stderr, "beadrun:", err)
			return 1
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	if err := align.WriteLadder(bw, beads); err != nil {
		fmt.Fprintln(stderr, "beadrun:", err)
		return 1
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintln(stderr, "beadrun:", err)
		return 1
	}
	fmt.Fprintf(stderr, "beadrun: %d × %d units, %d beads, aligned in %.2fs\n", len(texts[0]), len(texts[1]), len(beads), elapsed.Seconds())
	return 0
}

// repeat returns lines repeated up to n lines (n ≤ 0: lines as they are).
func repeat(lines []string, n int) []string {
	if n <= 0 || len(lines) == 0 {
		return lines
	}
	out := make([]string, 0, n)
	for len(out) < n {
		out = append(out, lines[:min(len(lines), n-len(out))]...)
	}
	return out
}
