// Command paralign-beam aligns a corpus of document sets as an Apache
// Beam pipeline: on prism in this process by default, or on Flink, Spark
// (--runner=universal --endpoint=JOB_SERVER) or Dataflow
// (--runner=dataflow). It reads a glob of files grouped into documents by
// paralign's naming rules, or paralign stream's JSON Lines manifest, and
// writes sharded JSONL and TSV rows, Moses bitexts per language pair, the
// failed sets' records and a summary of coverage and findings, every file
// under --output PREFIX. Its rows are those paralign align --format jsonl
// writes for each document alone.
//
//	paralign-beam --input 'corpus/*.txt' --output out/corpus
//	paralign-beam --manifest docs.jsonl --output out/corpus --langs en,de --by sentence
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/s3"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/beam/pipeline"
	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/langid"
)

var (
	input    = flag.String("input", "", "a glob of input files (local, gs://, s3://), grouped into documents by name: name.en.txt, en/name.md, name/ru.docx …")
	manifest = flag.String("manifest", "", "paralign stream's input instead: a JSON Lines file, one document set per line")
	output   = flag.String("output", "", "prefix of the files written (required): PREFIX-rows-*.jsonl, PREFIX-rows-*.tsv, PREFIX-moses-*, PREFIX-errors.jsonl, PREFIX-summary.json")
	langs    = flag.String("langs", "en,ru,es,de", "candidate languages and column order, ISO 639-1 codes")
	by       = flag.String("by", "section", "unit of the rows: section, paragraph or sentence")
	shards   = flag.Int("shards", 4, "files each row output is cut into")
)

func main() {
	flag.Parse()
	beam.Init()
	os.Exit(run(context.Background()))
}

func run(ctx context.Context) int {
	opts := pipeline.Options{Input: *input, Manifest: *manifest, Output: *output, Shards: *shards}
	unit, ok := align.ParseUnit(*by)
	if !ok {
		return usage("unknown --by %q: want section, paragraph or sentence", *by)
	}
	opts.By = unit
	for _, c := range strings.Split(*langs, ",") {
		l, err := corpus.ParseLang(strings.TrimSpace(c))
		if err != nil || !langid.Known(l) {
			return usage("--langs: unknown language code %q (use ISO 639-1 codes such as en, ru, es, de)", c)
		}
		opts.Langs = append(opts.Langs, l)
	}
	if *output == "" || (*input == "") == (*manifest == "") {
		return usage("give --output PREFIX and one of --input GLOB and --manifest FILE")
	}
	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(ctx, s, opts); err != nil {
		fmt.Fprintf(os.Stderr, "paralign-beam: %v\n", err)
		return 1
	}
	if err := beamx.Run(ctx, p); err != nil {
		fmt.Fprintf(os.Stderr, "paralign-beam: %v\n", err)
		return 1
	}
	return 0
}

func usage(format string, args ...any) int {
	fmt.Fprintf(os.Stderr, "paralign-beam: "+format+"\nRun 'paralign-beam --help' for usage.\n", args...)
	return 2
}
