// Command docgen writes synthetic document sets for measuring paralign
// stream and paralign-beam at corpus scale: DIR/docs/ holds their files,
// DIR/docs.jsonl the stream's input, one set per line, and DIR/align.args
// the arguments of paralign align on each set alone, one line each
// (doc, then the arguments, tab-separated).
//
//	go run ./scripts/docgen -n 10000 -langs en,ru,es,de -out /tmp/sets
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/internal/docgen"
)

func main() {
	n := flag.Int("n", 200, "number of document sets")
	seed := flag.Uint64("seed", 1, "random seed: the same seed makes the same sets")
	langs := flag.String("langs", "en,ru", "languages of the sets, ISO 639-1 codes")
	whole := flag.Float64("whole", 0.02, "share of sets that are a whole fixture (the combined statement, the HTML page)")
	testdata := flag.String("testdata", "testdata", "the repository's testdata folder")
	out := flag.String("out", "", "folder to write to (required)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "docgen: -out DIR is required")
		os.Exit(2)
	}
	var ls []corpus.Lang
	for _, c := range strings.Split(*langs, ",") {
		l, err := corpus.ParseLang(strings.TrimSpace(c))
		if err != nil {
			fmt.Fprintf(os.Stderr, "docgen: -langs: %v\n", err)
			os.Exit(2)
		}
		ls = append(ls, l)
	}
	if err := write(*testdata, *out, docgen.Options{N: *n, Seed: *seed, Langs: ls, Whole: *whole}); err != nil {
		fmt.Fprintf(os.Stderr, "docgen: %v\n", err)
		os.Exit(1)
	}
}

func write(testdata, out string, opts docgen.Options) error {
	sets, err := docgen.Generate(testdata, out, opts)
	if err != nil {
		return err
	}
	lines, err := os.Create(filepath.Join(out, "docs.jsonl"))
	if err != nil {
		return err
	}
	args, err := os.Create(filepath.Join(out, "align.args"))
	if err != nil {
		return err
	}
	lw, aw := bufio.NewWriter(lines), bufio.NewWriter(args)
	for _, s := range sets {
		lw.Write(s.Line)
		lw.WriteByte('\n')
		fmt.Fprintf(aw, "%s\t%s\n", s.Doc, strings.Join(s.AlignArgs(), "\t"))
	}
	for _, err := range []error{lw.Flush(), aw.Flush(), lines.Close(), args.Close()} {
		if err != nil {
			return err
		}
	}
	return nil
}
