package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
)

type coverageOpts struct {
	commonOpts
	pivot string
	min   float64
	color string
}

var coverageFormats = []string{"text", "json", "tsv"}

var coverageCommand = command{
	name: "coverage",
	summary: `Report which sections exist in which language: a table of sections by
languages (present, missing, untranslated: in the pivot's language,
wrong-language: in a third language, partial: a large share in another
language or far shorter than the document's own ratios allow), then one
summary line per language. Unnumbered blocks (closing matter, signatory
lists) are not counted.`,
	example: `paralign coverage testdata/udhr-nltk/*.txt
paralign coverage --format json combined.txt
paralign coverage --min 0.95 en.txt ru.txt es.txt de.txt   # exit 3 below 95%`,
	flags: func(fs *pflag.FlagSet) any {
		o := &coverageOpts{}
		addCommon(fs, &o.commonOpts, coverageFormats)
		addBatch(fs, &o.batchOpts)
		fs.StringVar(&o.pivot, "pivot", "", "reference `LANG`; default: the language with the most sections")
		fs.Float64Var(&o.min, "min", 0, "exit 3 when any language's ratio is below `R` (0–1), after printing the report")
		fs.StringVar(&o.color, "color", "auto", "colour the text table: auto (when standard output is a terminal), always, never")
		return o
	},
	run: runCoverage,
}

func runCoverage(ctx context.Context, e *env, opts any, args []string) error {
	o := opts.(*coverageOpts)
	if err := o.checkFormat(coverageFormats); err != nil {
		return err
	}
	if !(o.min >= 0 && o.min <= 1) { // NaN too
		return usagef("--min %g: want a ratio from 0 to 1", o.min)
	}
	var pivot corpus.Lang
	if o.pivot != "" {
		l, ok := knownLang(o.pivot)
		if !ok {
			return usagef("--pivot: unknown language code %q %s", o.pivot, langCodeHint)
		}
		pivot = l
	}
	color := o.color == "always" || (o.color == "auto" && o.output == "" && isTerminal(e.stdout))
	return o.run(ctx, e, args, func(ctx context.Context, j *job, vers []align.Version) (docOutput, error) {
		langs := versionLangs(vers)
		if pivot != corpus.Und && !slices.Contains(langs, pivot) {
			return docOutput{}, usagef("--pivot %s: no %s version in the input (found %s)", pivot, pivot, joinLangs(langs))
		}
		rep := align.Coverage(align.AlignSections(align.Outlines(vers)), langs, align.CoverageOptions{Pivot: pivot})
		out := docOutput{stats: coverageStats(rep), write: func(w io.Writer) error {
			switch o.format {
			case "json":
				return align.WriteCoverageJSON(w, rep)
			case "tsv":
				t := corpus.NewTSVWriter(w)
				head := []string{"section"}
				for _, l := range rep.Langs {
					head = append(head, l.String())
				}
				t.Write(head)
				for _, s := range rep.Sections {
					row := []string{s.ID}
					for _, st := range s.Status {
						row = append(row, st.String())
					}
					t.Write(row)
				}
				t.Flush()
				return t.Error()
			default:
				return writeCoverageText(w, rep, color)
			}
		}}
		if o.min > 0 {
			var low []string
			for _, s := range rep.Summary {
				if s.Ratio < o.min {
					low = append(low, fmt.Sprintf("%s %.1f%%", s.Lang, 100*s.Ratio))
				}
			}
			if len(low) > 0 {
				out.gate = fmt.Sprintf("coverage below --min %.1f%%: %s", 100*o.min, strings.Join(low, ", "))
			}
		}
		return out, nil
	})
}

func versionLangs(vers []align.Version) []corpus.Lang {
	var out []corpus.Lang
	for _, v := range vers {
		out = append(out, v.Lang)
	}
	return out
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

var statusColor = map[align.Status]string{
	align.Missing: "\x1b[31m", align.Untranslated: "\x1b[35m", align.WrongLanguage: "\x1b[35m", align.Partial: "\x1b[33m", align.Present: "\x1b[32m",
}

func writeCoverageText(w io.Writer, rep align.CoverageReport, color bool) error {
	idw := len("section")
	for _, s := range rep.Sections {
		idw = max(idw, len(s.ID))
	}
	const colw = 15
	var b strings.Builder
	fmt.Fprintf(&b, "%-*s", idw, "section")
	for _, l := range rep.Langs {
		name := l.String()
		if l == rep.Pivot {
			name += " (pivot)"
		}
		fmt.Fprintf(&b, "  %-*s", colw, name)
	}
	b.WriteString("\n")
	for _, s := range rep.Sections {
		fmt.Fprintf(&b, "%-*s", idw, s.ID)
		for _, st := range s.Status {
			cell := fmt.Sprintf("%-*s", colw, st)
			if color {
				cell = statusColor[st] + cell + "\x1b[0m"
			}
			b.WriteString("  " + cell)
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	for _, s := range rep.Summary {
		fmt.Fprintf(&b, "%-3s %3d/%d sections  %5.1f%%  words %5.1f%%", s.Lang, s.Present, s.Total, 100*s.Ratio, 100*s.WordRatio)
		for _, part := range []struct {
			name string
			ids  []string
		}{{"missing", s.Missing}, {"untranslated", s.Untranslated}, {"wrong-language", s.Wrong}, {"partial", s.Partial}} {
			if len(part.ids) > 0 {
				fmt.Fprintf(&b, "  %s: %s", part.name, strings.Join(part.ids, " "))
			}
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
