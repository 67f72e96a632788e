package qa

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// faulty is the lake document with three faults in es: a number changed
// (§1), a sentence deleted (§3), an e-mail address changed (§5).
func faulty(t *testing.T, prefix string) Report {
	t.Helper()
	es := lakeES
	es = edit(t, es, "en 1998", "en 1989")
	es = edit(t, es, " Los miembros con menos de 10 empleados abonan la mitad de dicho importe, y los nuevos miembros no pagan nada en su primer año de afiliación.", "")
	es = edit(t, es, "members@", "miembros@")
	return compareVersions(Options{}, version("en", prefix+lakeEN), version("es", prefix+es))
}

func TestFingerprintStable(t *testing.T) {
	a := faulty(t, "")
	b := faulty(t, "\n\n\n") // every line three further down
	if len(a.Findings) != 3 {
		t.Fatalf("got %d findings, want 3", len(a.Findings))
	}
	for i := range a.Findings {
		fa, fb := a.Findings[i], b.Findings[i]
		if fa.Line == fb.Line {
			t.Errorf("%s: line %d did not move", fa.Check, fa.Line)
		}
		if fa.Fingerprint != fb.Fingerprint {
			t.Errorf("%s: fingerprint %s became %s when the lines moved", fa.Check, fa.Fingerprint, fb.Fingerprint)
		}
		if !isFingerprint(fa.Fingerprint) {
			t.Errorf("%s: fingerprint %q is not 16 hex digits", fa.Check, fa.Fingerprint)
		}
	}
	// a different number gives a different fingerprint
	es := edit(t, lakeES, "en 1998", "en 1988")
	c := compareVersions(Options{}, version("en", lakeEN), version("es", es))
	if len(c.Findings) != 1 || c.Findings[0].Fingerprint == a.Findings[0].Fingerprint {
		t.Errorf("fingerprint of another number: %+v, first of before %s", c.Findings, a.Findings[0].Fingerprint)
	}
}

func TestOrderAndSummary(t *testing.T) {
	rep := faulty(t, "")
	var got []string
	for _, f := range rep.Findings {
		got = append(got, f.Severity.String()+" "+f.Check+" "+f.Section)
	}
	want := []string{"error number-missing 1", "warning missing-sentence 3", "warning email-mismatch 5"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings mismatch (-want +got):\n%s", diff)
	}
	s := rep.Summary
	if s.Errors != 1 || s.Warnings != 2 || s.Infos != 0 || s.ByCheck[NumberMissing] != 1 || len(s.ByCheck) != 3 {
		t.Errorf("summary = %+v", s)
	}
	if w, ok := rep.Worst(); !ok || w != Error {
		t.Errorf("Worst() = %v, %v, want error, true", w, ok)
	}
	if _, ok := (Report{}).Worst(); ok {
		t.Error("Worst() of no findings reports one")
	}
}

func TestIgnoreRoundTrip(t *testing.T) {
	rep := faulty(t, "")
	var tsv bytes.Buffer
	if err := WriteTSV(&tsv, rep); err != nil {
		t.Fatal(err)
	}
	// the ignore file: a comment, then the TSV rows but the first (an
	// e-mail check the reviewer has not accepted), fingerprint first
	lines := strings.Split(strings.TrimSuffix(tsv.String(), "\n"), "\n")
	ignore := "# reviewed 2026-01-05\n\n" + strings.Join(lines[2:], "\n") + "\n"
	fps, err := ReadIgnore(strings.NewReader(ignore))
	if err != nil {
		t.Fatal(err)
	}
	if len(fps) != 2 {
		t.Fatalf("ReadIgnore read %d fingerprints, want 2: %v", len(fps), fps)
	}
	if n := rep.Ignore(fps); n != 2 {
		t.Errorf("Ignore dropped %d, want 2", n)
	}
	if len(rep.Findings) != 1 || rep.Findings[0].Check != NumberMissing {
		t.Errorf("left %+v, want the number-missing finding", rep.Findings)
	}
	if rep.Summary.Ignored != 2 || rep.Summary.Errors != 1 || rep.Summary.Warnings != 0 {
		t.Errorf("summary after Ignore = %+v", rep.Summary)
	}
}

func TestReadIgnoreErrors(t *testing.T) {
	for _, in := range []string{"not-a-fingerprint\n", "0123456789abcdef\n0123\n", "0123456789abcdeg\n"} {
		if _, err := ReadIgnore(strings.NewReader(in)); err == nil {
			t.Errorf("ReadIgnore(%q) gave no error", in)
		}
	}
	fps, err := ReadIgnore(strings.NewReader("\ufeff0123456789ABCDEF  es:1 number-missing\n  # comment\n"))
	if err != nil || !fps["0123456789abcdef"] || len(fps) != 1 {
		t.Errorf("ReadIgnore = %v, %v", fps, err)
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	if err := WriteJSON(&b, faulty(t, "")); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Pivot    string           `json:"pivot"`
		Langs    []string         `json:"languages"`
		Findings []map[string]any `json:"findings"`
		Summary  map[string]any   `json:"summary"`
	}
	dec := json.NewDecoder(&b)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if got.Pivot != "en" || !slices.Equal(got.Langs, []string{"en", "es"}) || len(got.Findings) != 3 {
		t.Fatalf("got pivot %q, languages %v, %d findings", got.Pivot, got.Langs, len(got.Findings))
	}
	f := got.Findings[0]
	var keys []string
	for k := range f {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	want := []string{"check", "column", "evidence", "file", "fingerprint", "its_type", "langs", "line", "message", "paragraph", "section", "sections", "severity"}
	if diff := cmp.Diff(want, keys); diff != "" {
		t.Errorf("finding keys mismatch (-want +got):\n%s", diff)
	}
	if f["check"] != NumberMissing || f["severity"] != "error" || f["its_type"] != "numbers" || f["section"] != "1" {
		t.Errorf("first finding = %v", f)
	}
	if ev, ok := f["evidence"].([]any); !ok || len(ev) != 2 || ev[0] != "en:1998" || ev[1] != "es:1989" {
		t.Errorf("evidence = %v, want [en:1998 es:1989]", f["evidence"])
	}
	if got.Findings[1]["sentence"] != 2.0 {
		t.Errorf("missing-sentence finding has sentence %v, want 2", got.Findings[1]["sentence"])
	}
	if got.Summary["errors"] != 1.0 || got.Summary["warnings"] != 2.0 {
		t.Errorf("summary = %v", got.Summary)
	}
	// no findings: empty lists, not null
	b.Reset()
	WriteJSON(&b, compareVersions(Options{}, version("en", lakeEN), version("es", lakeES)))
	if !strings.Contains(b.String(), `"findings": []`) || !strings.Contains(b.String(), `"by_check": {}`) {
		t.Errorf("empty report:\n%s", b.String())
	}
}

func TestWriteText(t *testing.T) {
	var b bytes.Buffer
	if err := WriteText(&b, faulty(t, "")); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	line := regexp.MustCompile(`^[^:\s]+:\d+:\d+: (error|warning|info) [a-z-]+: \S.* \((title|preamble|section \S+|block \S+)(, paragraph \d+)?(, sentence \d+)?\)$`)
	for _, l := range lines[:len(lines)-1] {
		if !line.MatchString(l) {
			t.Errorf("line %q is not file:line:column: severity check: message (section S, paragraph P)", l)
		}
	}
	if want := "es.txt:3:1: error number-missing: `1998` in en §1, not in es; es has `1989` (section 1, paragraph 1)"; lines[0] != want {
		t.Errorf("first line = %q, want %q", lines[0], want)
	}
	if want := "3 findings: 1 error, 2 warnings, 0 info (es against en)"; lines[len(lines)-1] != want {
		t.Errorf("summary line = %q, want %q", lines[len(lines)-1], want)
	}
}

// TestWriteTextQuotesName: a file name holding a tab or newline is
// quoted, so a finding stays one line of file:line:column fields (issue 12).
func TestWriteTextQuotesName(t *testing.T) {
	rep := faulty(t, "")
	rep.Findings[0].File = "es\n2.txt"
	var b bytes.Buffer
	if err := WriteText(&b, rep); err != nil {
		t.Fatal(err)
	}
	if want := `"es\n2.txt":3:1: error number-missing: `; !strings.HasPrefix(b.String(), want) {
		t.Errorf("WriteText = %q, want it to start %q", b.String(), want)
	}
	if n := strings.Count(b.String(), "\n"); n != len(rep.Findings)+1 {
		t.Errorf("WriteText wrote %d lines, want %d", n, len(rep.Findings)+1)
	}
}

func TestWriteTSV(t *testing.T) {
	rep := faulty(t, "")
	rep.Findings[0].Message = "a\ttab and a\nnewline"
	var b bytes.Buffer
	if err := WriteTSV(&b, rep); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("got %d lines, want header and 3 rows:\n%s", len(lines), b.String())
	}
	for _, l := range lines {
		if n := strings.Count(l, "\t"); n != len(tsvHeader)-1 {
			t.Errorf("line %q has %d tabs, want %d", l, n, len(tsvHeader)-1)
		}
	}
	if !strings.HasPrefix(lines[1], rep.Findings[0].Fingerprint+"\terror\tnumber-missing\t") {
		t.Errorf("first row = %q", lines[1])
	}
}

func TestSeverity(t *testing.T) {
	for _, s := range []Severity{Info, Warning, Error} {
		got, err := ParseSeverity(strings.ToUpper(s.String()))
		if err != nil || got != s {
			t.Errorf("ParseSeverity(%q) = %v, %v", s, got, err)
		}
		b, _ := s.MarshalText()
		var back Severity
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("round trip of %v gave %v, %v", s, back, err)
		}
	}
	if _, err := ParseSeverity("fatal"); err == nil {
		t.Error(`ParseSeverity("fatal") gave no error`)
	}
	if !(Info < Warning && Warning < Error) {
		t.Error("severities out of order")
	}
}

// itsTypes are the ITS 2.0 Localization Quality Issue Types.
var itsTypes = []string{"terminology", "mistranslation", "omission", "untranslated", "addition", "duplication",
	"inconsistency", "grammar", "legal", "register", "locale-specific-content", "locale-violation", "style",
	"characters", "misspelling", "typographical", "formatting", "inconsistent-entities", "numbers", "markup",
	"pattern-problem", "whitespace", "internationalization", "length", "non-conformance", "uncategorized", "other"}

func TestChecksRegistry(t *testing.T) {
	seen := map[string]bool{}
	id := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	for _, c := range Checks() {
		if seen[c.ID] {
			t.Errorf("check %s listed twice", c.ID)
		}
		seen[c.ID] = true
		if !id.MatchString(c.ID) {
			t.Errorf("check id %q is not kebab-case", c.ID)
		}
		if !slices.Contains(itsTypes, c.ITSType) {
			t.Errorf("check %s: %q is no ITS 2.0 issue type", c.ID, c.ITSType)
		}
		if c.Doc == "" {
			t.Errorf("check %s has no doc", c.ID)
		}
	}
	for _, cosmetic := range []string{EndPunctuation, Quotes, DoubleSpace} {
		if c, _ := LookupCheck(cosmetic); c.Default {
			t.Errorf("cosmetic check %s is on by default", cosmetic)
		}
	}
	if c, _ := LookupCheck(MissingSection); !c.Default || c.Severity != Error {
		t.Errorf("missing-section = %+v", c)
	}
}
