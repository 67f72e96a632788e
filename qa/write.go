package qa

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/paralign/paralign/corpus"
)

// WriteText writes one line per finding, in the form editors and CI
// annotators read,
//
//	file:line:column: severity check: message (section S, paragraph P)
//
// then a summary line. A file name holding a tab or newline is quoted
// (corpus.QuoteName), so each finding stays one line.
func WriteText(w io.Writer, rep Report) error {
	var b strings.Builder
	for _, f := range rep.Findings {
		fmt.Fprintf(&b, "%s:%d:%d: %s %s: %s (%s)\n", corpus.QuoteName(f.File), f.Line, max(f.Column, 1), f.Severity, f.Check, corpus.CellText(f.Message), where(f))
	}
	b.WriteString(summaryLine(rep))
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// where names a finding's row and paragraph for people: "section 3,
// paragraph 2", "title", "block 8+1".
func where(f Finding) string {
	var s string
	switch {
	case f.Section == "title" || f.Section == "preamble":
		s = f.Section
	case strings.Contains(f.Section, "+"):
		s = "block " + f.Section
	default:
		s = "section " + f.Section
	}
	if f.Unit > 0 {
		s += fmt.Sprintf(", paragraph %d", f.Unit)
	}
	if f.Sentence > 0 {
		s += fmt.Sprintf(", sentence %d", f.Sentence)
	}
	return s
}

func summaryLine(rep Report) string {
	s := rep.Summary
	total := s.Errors + s.Warnings + s.Infos
	var langs []string
	for _, l := range rep.Langs {
		if l != rep.Pivot {
			langs = append(langs, l.String())
		}
	}
	line := fmt.Sprintf("%d %s: %d %s, %d %s, %d info (%s against %s)",
		total, plural(total, "finding"), s.Errors, plural(s.Errors, "error"), s.Warnings, plural(s.Warnings, "warning"), s.Infos,
		strings.Join(langs, " "), rep.Pivot)
	if s.Ignored > 0 {
		line += fmt.Sprintf("; %d ignored", s.Ignored)
	}
	return line
}

func plural(n int, w string) string {
	if n == 1 {
		return w
	}
	return w + "s"
}

type findingJSON struct {
	Check       string        `json:"check"`
	Severity    Severity      `json:"severity"`
	ITSType     string        `json:"its_type"`
	Section     string        `json:"section"`
	Sections    []string      `json:"sections"`
	Paragraph   int           `json:"paragraph"`
	Sentence    int           `json:"sentence,omitempty"`
	Langs       []corpus.Lang `json:"langs"`
	File        string        `json:"file"`
	Line        int           `json:"line"`
	Column      int           `json:"column"`
	Message     string        `json:"message"`
	Evidence    []string      `json:"evidence"`
	Fingerprint string        `json:"fingerprint"`
}

type summaryJSON struct {
	Errors   int            `json:"errors"`
	Warnings int            `json:"warnings"`
	Info     int            `json:"info"`
	Ignored  int            `json:"ignored"`
	ByCheck  map[string]int `json:"by_check"`
}

type reportJSON struct {
	Pivot    corpus.Lang   `json:"pivot"`
	Langs    []corpus.Lang `json:"languages"`
	Findings []findingJSON `json:"findings"`
	Summary  summaryJSON   `json:"summary"`
}

// WriteJSON writes the report as one JSON object:
//
//	{"pivot": "en", "languages": ["en", "ru", …],
//	 "findings": [{"check", "severity", "its_type", "section", "sections",
//	   "paragraph", "sentence" (when not 0), "langs", "file", "line",
//	   "message", "evidence", "fingerprint"}, …],
//	 "summary": {"errors", "warnings", "info", "ignored", "by_check": {id: n}}}
//
// paragraph is 0 for a finding about a section as a whole; sections lists
// every row the finding covers (section first), more than one for a run of
// missing sections reported once.
func WriteJSON(w io.Writer, rep Report) error {
	out := reportJSON{Pivot: rep.Pivot, Langs: rep.Langs, Findings: []findingJSON{}}
	if out.Langs == nil {
		out.Langs = []corpus.Lang{}
	}
	for _, f := range rep.Findings {
		ev := f.Evidence
		if ev == nil {
			ev = []string{}
		}
		out.Findings = append(out.Findings, findingJSON{
			Check: f.Check, Severity: f.Severity, ITSType: f.ITSType, Section: f.Section, Sections: f.Sections,
			Paragraph: f.Unit, Sentence: f.Sentence, Langs: f.Langs, File: f.File, Line: f.Line, Column: max(f.Column, 1),
			Message: f.Message, Evidence: ev, Fingerprint: f.Fingerprint,
		})
	}
	s := rep.Summary
	out.Summary = summaryJSON{Errors: s.Errors, Warnings: s.Warnings, Info: s.Infos, Ignored: s.Ignored, ByCheck: s.ByCheck}
	if out.Summary.ByCheck == nil {
		out.Summary.ByCheck = map[string]int{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(out)
}

// TSVHeader is the header line WriteTSV writes.
var tsvHeader = []string{"fingerprint", "severity", "check", "its_type", "file", "line", "section", "paragraph", "sentence", "langs", "message", "evidence"}

// WriteTSV writes a header and one row per finding, the fingerprint
// first (so that `cut -f1` makes an ignore file), evidence items joined
// by " | ". Cells never hold a tab or a newline.
func WriteTSV(w io.Writer, rep Report) error {
	t := corpus.NewTSVWriter(w)
	t.Write(tsvHeader)
	for _, f := range rep.Findings {
		langs := make([]string, len(f.Langs))
		for i, l := range f.Langs {
			langs[i] = l.String()
		}
		t.Write([]string{
			f.Fingerprint, f.Severity.String(), f.Check, f.ITSType, corpus.QuoteName(f.File), strconv.Itoa(f.Line), f.Section,
			strconv.Itoa(f.Unit), strconv.Itoa(f.Sentence), strings.Join(langs, ","), f.Message, strings.Join(f.Evidence, " | "),
		})
	}
	t.Flush()
	return t.Error()
}
