package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/qa"
	"github.com/paralign/paralign/view"
)

type compareOpts struct {
	commonOpts
	pivot      string
	checks     []string
	skipChecks []string
	listChecks bool
	failOn     string
	ignore     string
	aliases    []string
	dict       []string
	dicts      *dictSet
}

var compareFormats = []string{"text", "json", "tsv", "xlsx", "html"}

var compareCommand = command{
	name: "compare",
	summary: `Check every language version against the pivot, section by section, and
report what differs: sections, paragraphs and sentences without
counterpart, text left untranslated or in a third language, numbers,
URLs and e-mail addresses that differ, length ratios far outside the
document's own, names without counterpart. One root cause gives one
finding; every message shows its evidence. Exit 3 when a finding at or
above --fail-on exists. --format xlsx writes a workbook: the sections side
by side, then the findings (the columns of --format tsv) on a second
sheet. --format html writes one self-contained page: the findings listed
at the top, each linking to its row, with count badges that show one
severity or check; the versions side by side below, each finding's
evidence highlighted in the cell of the version at fault.`,
	example: `paralign compare testdata/kazakhstan-2022/combined.txt
paralign compare --format html -o review.html en.txt ru.txt es.txt de.txt
paralign compare --fail-on warning --skip-checks name-mismatch combined.txt
paralign compare --ignore reviewed.txt --format json combined.txt
paralign compare --list-checks`,
	flags: func(fs *pflag.FlagSet) any {
		o := &compareOpts{}
		addCommon(fs, &o.commonOpts, compareFormats)
		addBatch(fs, &o.batchOpts)
		fs.StringVar(&o.pivot, "pivot", "", "reference `LANG`; default: the language with the most sections")
		fs.StringSliceVar(&o.checks, "checks", nil, "run only these checks (`ID,...`; see --list-checks)")
		fs.StringSliceVar(&o.skipChecks, "skip-checks", nil, "do not run these checks (`ID,...`)")
		fs.BoolVar(&o.listChecks, "list-checks", false, "print every check with its severity, ITS issue type and default, and exit")
		fs.StringVar(&o.failOn, "fail-on", "error", "exit 3 when a finding of this `SEVERITY` or above exists: error, warning, info or none")
		fs.StringVar(&o.ignore, "ignore", "", "a `FILE` of fingerprints (one per line, # comments) whose findings are not reported")
		fs.StringArrayVar(&o.dict, "dict", nil, "a bilingual dictionary that helps pair sentences, `FILE` or auto, as align's --dict (repeatable)")
		fs.StringArrayVar(&o.aliases, "alias", nil, "names that translate each other, `A=B=C` (repeatable), e.g. CSTO=OTSC=ОДКБ")
		return o
	},
	run: runCompare,
}

func runCompare(ctx context.Context, e *env, opts any, args []string) error {
	o := opts.(*compareOpts)
	if o.listChecks {
		return writeChecks(e.stdout)
	}
	if err := o.checkOutput(e, compareFormats, csvOptions{}); err != nil {
		return err
	}
	qopts, err := o.qaOptions()
	if err != nil {
		return err
	}
	if o.dicts, err = loadDicts(e, o.dict); err != nil {
		return err
	}
	if o.dicts != nil {
		qopts.Dict = o.dicts.forPair
	}
	var failOn qa.Severity
	gate := o.failOn != "none"
	if gate {
		if failOn, err = qa.ParseSeverity(o.failOn); err != nil {
			return usagef("--fail-on %q: want error, warning, info or none", o.failOn)
		}
	}
	var ignore map[string]bool
	if o.ignore != "" {
		f, err := os.Open(o.ignore)
		if err != nil {
			return fmt.Errorf("%s: %w", o.ignore, plainPathError(err))
		}
		ignore, err = qa.ReadIgnore(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", o.ignore, err)
		}
	}
	return o.run(ctx, e, args, func(ctx context.Context, j *job, vers []align.Version) (docOutput, error) {
		langs := versionLangs(vers)
		if qopts.Pivot != corpus.Und && !slices.Contains(langs, qopts.Pivot) {
			return docOutput{}, usagef("--pivot %s: no %s version in the input (found %s)", qopts.Pivot, qopts.Pivot, joinLangs(langs))
		}
		q := qopts
		q.Detect = j.det.Detect
		rows := align.AlignSections(align.Outlines(vers))
		stats := coverageStats(align.Coverage(rows, langs, align.CoverageOptions{Pivot: q.Pivot}))
		rep := qa.Compare(vers, rows, q)
		if ignore != nil {
			rep.Ignore(ignore)
		}
		if err := ctx.Err(); err != nil {
			return docOutput{}, errInterrupted
		}
		stats.findings = len(rep.Findings)
		out := docOutput{stats: stats, write: func(w io.Writer) error {
			switch o.format {
			case "json":
				return qa.WriteJSON(w, rep)
			case "tsv":
				return qa.WriteTSV(w, rep)
			case "xlsx":
				return writeCompareXLSX(w, vers, rows, rep)
			case "html":
				return view.WritePage(w, comparePage(vers, rows, rep))
			}
			return qa.WriteText(w, rep)
		}}
		if worst, ok := rep.Worst(); gate && ok && worst >= failOn {
			out.gate = fmt.Sprintf("findings at or above --fail-on %s (%s)", failOn, summaryLine(rep))
		}
		return out, nil
	})
}

func (o *compareOpts) qaOptions() (qa.Options, error) {
	var q qa.Options
	if o.pivot != "" {
		l, ok := knownLang(o.pivot)
		if !ok {
			return q, usagef("--pivot: unknown language code %q %s", o.pivot, langCodeHint)
		}
		q.Pivot = l
	}
	if len(o.checks) > 0 || len(o.skipChecks) > 0 {
		q.Enabled = map[string]bool{}
		for _, c := range qa.Checks() {
			q.Enabled[c.ID] = len(o.checks) == 0 && c.Default
		}
		for _, id := range o.checks {
			if _, ok := qa.LookupCheck(id); !ok {
				return q, usagef("--checks: unknown check %q (see --list-checks)", id)
			}
			q.Enabled[id] = true
		}
		for _, id := range o.skipChecks {
			if _, ok := qa.LookupCheck(id); !ok {
				return q, usagef("--skip-checks: unknown check %q (see --list-checks)", id)
			}
			q.Enabled[id] = false
		}
	}
	for _, a := range o.aliases {
		var group []string
		for _, n := range strings.Split(a, "=") {
			if n = strings.TrimSpace(n); n != "" {
				group = append(group, n)
			}
		}
		if len(group) < 2 {
			return q, usagef("--alias %q: want two or more names joined by =, such as CSTO=OTSC=ОДКБ", a)
		}
		q.Aliases = append(q.Aliases, group)
	}
	return q, nil
}

// writeChecks prints the checks as a table.
func writeChecks(w io.Writer) error {
	t := corpus.NewTSVWriter(w)
	t.Write([]string{"check", "severity", "its_type", "default", "finds"})
	for _, c := range qa.Checks() {
		def := "off"
		if c.Default {
			def = "on"
		}
		t.Write([]string{c.ID, c.Severity.String(), c.ITSType, def, c.Doc})
	}
	t.Flush()
	return t.Error()
}

func summaryLine(rep qa.Report) string {
	plural := func(n int, word string) string {
		if n == 1 {
			return "1 " + word
		}
		return fmt.Sprintf("%d %ss", n, word)
	}
	return fmt.Sprintf("%s, %s, %d info", plural(rep.Summary.Errors, "error"), plural(rep.Summary.Warnings, "warning"), rep.Summary.Infos)
}

// writeCompareXLSX writes the section rows and, on a second sheet, the
// findings with the columns of qa.WriteTSV.
func writeCompareXLSX(w io.Writer, vers []align.Version, rows []align.Row, rep qa.Report) error {
	var b bytes.Buffer
	if err := qa.WriteTSV(&b, rep); err != nil {
		return err
	}
	return writeXLSX(w, []xlsxSheet{
		{name: "aligned", recs: tableRecords(vers, rows)},
		{name: "findings", recs: splitTSV(b.String())},
	})
}

// comparePage puts the findings on the side-by-side page: listed at the
// top, each at its section's row, its evidence highlighted.
func comparePage(vers []align.Version, rows []align.Row, rep qa.Report) view.Page {
	p := view.Page{
		Title:   pageTitle(vers) + ": comparison with " + langName(rep.Pivot),
		Langs:   versionLangs(vers),
		Pivot:   rep.Pivot,
		Rows:    rows,
		Summary: []string{fmt.Sprintf("pivot %s", rep.Pivot)},
	}
	if rep.Summary.Ignored > 0 {
		p.Summary = append(p.Summary, fmt.Sprintf("%d ignored", rep.Summary.Ignored))
	}
	for _, f := range rep.Findings {
		n := view.Note{Row: f.Section, Severity: f.Severity.String(), Check: f.Check, Message: f.Message}
		if len(f.Langs) > 1 {
			n.Lang = f.Langs[1]
		}
		n.Marks = evidenceMarks(f, n.Lang)
		p.Notes = append(p.Notes, n)
	}
	return p
}

// evidenceMarks returns the spans of a finding's evidence to highlight:
// "lang:value" in that language's cell (the changed number in the version
// that changed it, the pivot's as the reference), "ends:text" where the
// checked version ends, a quotation wherever it occurs. Bare language
// codes and section ids are evidence, not text: they light up nothing.
func evidenceMarks(f qa.Finding, checked corpus.Lang) []view.Mark {
	var marks []view.Mark
	for _, ev := range f.Evidence {
		if isLangCode(ev) || slices.Contains(f.Sections, ev) {
			continue
		}
		if text, ok := strings.CutPrefix(ev, "ends:"); ok {
			marks = append(marks, view.Mark{Lang: checked, Text: text})
			continue
		}
		if code, val, ok := strings.Cut(ev, ":"); ok && isLangCode(code) {
			marks = append(marks, view.Mark{Lang: corpus.Lang(code), Text: val})
			continue
		}
		// a shortened quotation ("…") lights up its whole sentence
		marks = append(marks, view.Mark{Text: ev})
	}
	return marks
}

// isLangCode reports whether s is a language code as evidence writes it:
// two lower-case letters.
func isLangCode(s string) bool {
	l, err := corpus.ParseLang(s)
	return err == nil && l.IsLanguage() && string(l) == s
}
