package qa

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/paralign/paralign/corpus"
)

// Finding is one difference between a version and the pivot.
type Finding struct {
	Check    string
	Severity Severity
	ITSType  string
	// Section is the row id: "3", "title", "preamble", "8+1".
	Section string
	// Sections are the ids of every row the finding covers, Section
	// first: more than one for a run of sections or blocks missing from
	// (or only in) a version, reported once.
	Sections []string
	// Unit is the 1-based paragraph within the section: in the checked
	// version, or in the pivot for a paragraph or sentence the checked
	// version lacks; 0 for the section as a whole.
	Unit int
	// Sentence is the 1-based sentence within paragraph Unit for
	// sentence-level findings, else 0.
	Sentence int
	// Langs are the pivot and the checked language, in that order.
	Langs []corpus.Lang
	// File, Line and Column are where to look, in the version that has the
	// fault: its paragraph (or sentence), or for something it lacks the
	// place where that would be (after the section or paragraph before it);
	// the pivot's only when the version has nothing near. Line is 1-based;
	// Column is 1-based in runes, 1 when only the paragraph is known.
	File   string
	Line   int
	Column int
	// Message is one line that shows the evidence.
	Message string
	// Evidence are the differing items ("en:30", "es:35", a quoted
	// sentence), the part of the finding its fingerprint hashes.
	Evidence []string
	// Fingerprint identifies the finding across runs: the first 16 hex
	// digits of a SHA-256 of the check, section, languages and evidence,
	// not of line or paragraph numbers, so editing elsewhere keeps it.
	Fingerprint string
}

// fingerprint computes f's fingerprint.
func fingerprint(f Finding) string {
	h := sha256.New()
	io.WriteString(h, f.Check)
	h.Write([]byte{0})
	io.WriteString(h, f.Section)
	for _, l := range f.Langs {
		h.Write([]byte{0})
		io.WriteString(h, string(l))
	}
	h.Write([]byte{1})
	for _, e := range f.Evidence {
		h.Write([]byte{0})
		io.WriteString(h, e)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Summary counts a report's findings.
type Summary struct {
	Errors, Warnings, Infos int
	ByCheck                 map[string]int // findings per check id; checks without findings are absent
	Ignored                 int            // findings dropped by Ignore
}

// Report is the result of Compare.
type Report struct {
	Pivot corpus.Lang
	Langs []corpus.Lang // every version's language, in version order
	// Findings are ordered by severity (errors first), then document
	// order: section, paragraph, sentence, version, check.
	Findings []Finding
	Summary  Summary
}

func (r *Report) summarise() {
	ignored := r.Summary.Ignored
	r.Summary = Summary{ByCheck: map[string]int{}, Ignored: ignored}
	for _, f := range r.Findings {
		switch f.Severity {
		case Error:
			r.Summary.Errors++
		case Warning:
			r.Summary.Warnings++
		default:
			r.Summary.Infos++
		}
		r.Summary.ByCheck[f.Check]++
	}
}

// Worst returns the highest severity among the findings; false when there
// are none.
func (r Report) Worst() (Severity, bool) {
	if len(r.Findings) == 0 {
		return 0, false
	}
	w := Info
	for _, f := range r.Findings {
		w = max(w, f.Severity)
	}
	return w, true
}

// Ignore drops the findings whose fingerprint is in fingerprints and
// returns how many it dropped. The summary is updated.
func (r *Report) Ignore(fingerprints map[string]bool) int {
	n := len(r.Findings)
	r.Findings = slices.DeleteFunc(r.Findings, func(f Finding) bool { return fingerprints[f.Fingerprint] })
	dropped := n - len(r.Findings)
	r.Summary.Ignored += dropped
	r.summarise()
	return dropped
}

// ReadIgnore reads an ignore file: one fingerprint (16 hex digits) per
// line, optionally followed by white space and any text (the lines of
// WriteText's output can be pasted with their fingerprint first); blank
// lines and lines starting with "#" are skipped. Errors name the line.
func ReadIgnore(r io.Reader) (map[string]bool, error) {
	out := map[string]bool{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if line == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		fp, _, _ := strings.Cut(s, " ")
		fp, _, _ = strings.Cut(fp, "\t")
		fp = strings.ToLower(fp)
		if !isFingerprint(fp) {
			return nil, fmt.Errorf("line %d: %q is not a fingerprint (16 hex digits)", line, fp)
		}
		out[fp] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line+1, err)
	}
	return out, nil
}

func isFingerprint(s string) bool {
	if len(s) != 16 {
		return false
	}
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
