package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/paralign/paralign/corpus"
)

type lsOpts struct {
	commonOpts
}

var lsCommand = command{
	name: "ls",
	args: "DIR|FILE...",
	summary: `Print how the files are grouped into documents, the grouping align,
coverage and compare use for the same arguments (their --dry-run), without
reading the files: one line per file, "doc lang file note", in the order
the documents are processed. A combined file (its name says no language)
has lang "combined"; a file of a document of several files whose name
says no language, "detected". Files a folder holds that are no input (hidden files,
editor backups, unknown extensions) are listed with doc "-" and the reason;
a document two of whose files claim one language is noted: it would fail.

Names say the document and the language: name.en.md, name_en.txt,
name-ru.html, en/name.md, name/ru.docx. A code counts when it is among
--langs or an ISO 639-1 code lingua knows, so report-2022.txt and
notes_v2.md are single combined documents.`,
	example: `paralign ls corpus/
paralign ls --group 'statements/{name}.{lang}.txt' .
paralign ls --manifest documents.tsv`,
	flags: func(fs *pflag.FlagSet) any {
		o := &lsOpts{}
		fs.StringSliceVar(&o.langs, "langs", []string{"en", "ru", "es", "de"}, "candidate languages, ISO 639-1 codes: names with these codes are language versions")
		addBatch(fs, &o.batchOpts)
		fs.MarkHidden("jobs")
		fs.MarkHidden("dry-run")
		return o
	},
	run: runLs,
}

func runLs(ctx context.Context, e *env, opts any, args []string) error {
	o := opts.(*lsOpts)
	if len(args) == 0 && o.manifest == "" {
		args = []string{"."}
	}
	o.dryRun = true
	return o.run(ctx, e, args, nil)
}

// writeGrouping prints a batch's documents and skipped files as ls does.
func writeGrouping(w io.Writer, b *batch) error {
	t := corpus.NewTSVWriter(w)
	t.Write([]string{"doc", "lang", "file", "note"})
	for _, d := range b.docs {
		count := map[corpus.Lang]int{}
		for _, f := range d.files {
			count[f.lang]++
		}
		for _, f := range d.files {
			lang, note := f.lang.String(), ""
			switch {
			case f.lang == corpus.Und && len(d.files) == 1:
				lang = "combined"
			case f.lang == corpus.Und:
				lang = "detected"
			}
			if f.lang != corpus.Und && count[f.lang] > 1 {
				note = fmt.Sprintf("fails: %d files claim %s", count[f.lang], f.lang)
			}
			t.Write([]string{d.name, lang, f.path, note})
		}
	}
	for _, s := range b.skipped {
		t.Write([]string{"-", "-", s.path, "skipped: " + s.reason})
	}
	t.Flush()
	return t.Error()
}
