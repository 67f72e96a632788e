package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// Gates of TestPlantedFaults.
const (
	// minFaultRecall: compare finds at least 95% of the planted faults at
	// the right section with the right check.
	minFaultRecall = 0.95
	// maxFalsePerCase: at most one warning or error per twenty cases may
	// lie outside the planted fault's sections and outside the clean
	// document's own findings. A planted fault is local, so such a finding
	// is a cascade (one edit reported elsewhere, what pofilter does on
	// shifted pairs) or a fingerprint that moved; the allowance is the 5%
	// that recall may miss.
	maxFalsePerCase = 1.0 / 20
)

// faultFinding is one finding of paralign compare --format json. Only
// what the test reads is typed; the shape may grow.
type faultFinding struct {
	Check       string          `json:"check"`
	Severity    string          `json:"severity"`
	ITSType     string          `json:"its_type"`
	Section     string          `json:"section"`
	Sections    []string        `json:"sections"`
	Paragraph   json.RawMessage `json:"paragraph"`
	Langs       []string        `json:"langs"`
	Message     string          `json:"message"`
	Fingerprint string          `json:"fingerprint"`
}

// covers returns the sections f covers: its sections, or its section
// when it lists none.
func (f faultFinding) covers() []string {
	if len(f.Sections) == 0 {
		return []string{f.Section}
	}
	return f.Sections
}

func (f faultFinding) String() string {
	return fmt.Sprintf("%s %s §%s [%s]: %s", f.Severity, f.Check, f.Section, strings.Join(f.Langs, ","), f.Message)
}

// counts reports whether f is a warning or an error, the severities the
// false-finding count looks at.
func (f faultFinding) counts() bool { return f.Severity == "warning" || f.Severity == "error" }

// errNoCompare is returned by faultCompare while the command does not exist.
var errNoCompare = errors.New(`paralign has no "compare" command yet`)

// faultCompare runs paralign compare --format json in-process and checks
// the report's shape and the exit status: 3 exactly when an error is
// reported, else 0.
func faultCompare(args []string) ([]faultFinding, error) {
	var out, errb bytes.Buffer
	code := run(append([]string{"compare", "--format", "json"}, args...), strings.NewReader(""), &out, &errb)
	if code == exitUsage && strings.Contains(errb.String(), `unknown command "compare"`) {
		return nil, errNoCompare
	}
	if code != exitOK && code != exitGate {
		return nil, fmt.Errorf("paralign compare %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
	}
	var rep struct {
		Findings *[]faultFinding `json:"findings"`
		Summary  json.RawMessage `json:"summary"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		return nil, fmt.Errorf("paralign compare: output is not the JSON report: %v\n%s", err, out.String())
	}
	if rep.Findings == nil || rep.Summary == nil {
		return nil, fmt.Errorf("paralign compare: the report lacks \"findings\" or \"summary\":\n%s", out.String())
	}
	hasError := slices.ContainsFunc(*rep.Findings, func(f faultFinding) bool { return f.Severity == "error" })
	if hasError != (code == exitGate) {
		return nil, fmt.Errorf("paralign compare: exit %d, error findings %v: want exit 3 exactly when an error is reported", code, hasError)
	}
	return *rep.Findings, nil
}

// in reports whether section id is one of sections; an entry ending in
// "+" matches the unnumbered blocks after that section ("33+" matches
// "33+2").
func in(id string, sections []string) bool {
	return slices.ContainsFunc(sections, func(s string) bool {
		return id == s || strings.HasSuffix(s, "+") && strings.HasPrefix(id, s)
	})
}

// faultVerdict is what compare made of one planted fault.
type faultVerdict struct {
	found    bool           // every expected section has a finding with an expected check for the faulted language
	hits     []faultFinding // the findings that find it
	side     []faultFinding // other warnings and errors for the faulted language at the fault's sections: explained, not false
	spurious []faultFinding // warnings and errors that neither the fault nor the clean document explains
	moved    []bool         // moved[i]: spurious[i] matches a clean finding in all but the fingerprint
}

// judgeFault compares the findings on the faulted document with those on
// its clean document. A finding finds the fault when its check is one the
// kind allows, its section one of the case's and its languages include the
// faulted one; it is explained when the clean document has its
// fingerprint, or when it is for the faulted language at a section the
// fault touched.
func judgeFault(c *plantedCase, clean, got []faultFinding) faultVerdict {
	var v faultVerdict
	mine := func(f faultFinding, sections []string) bool {
		return slices.Contains(f.Langs, c.lang) && slices.ContainsFunc(f.covers(), func(s string) bool { return in(s, sections) })
	}
	missing := slices.Clone(c.sections)
	hit := make([]bool, len(got))
	for i, f := range got {
		if mine(f, c.sections) && slices.Contains(c.checks(), f.Check) {
			v.hits = append(v.hits, f)
			hit[i] = true
			missing = slices.DeleteFunc(missing, func(s string) bool { return slices.Contains(f.covers(), s) })
		}
	}
	v.found = len(missing) == 0
	fps := map[string]bool{}
	loose := map[string]bool{}
	key := func(f faultFinding) string { return f.Check + "\x00" + f.Section + "\x00" + strings.Join(f.Langs, ",") }
	for _, f := range clean {
		fps[f.Fingerprint] = true
		loose[key(f)] = true
	}
	for i, f := range got {
		switch {
		case hit[i] || !f.counts():
		case f.Fingerprint != "" && fps[f.Fingerprint]:
		case mine(f, c.explain):
			v.side = append(v.side, f)
		default:
			v.spurious = append(v.spurious, f)
			v.moved = append(v.moved, loose[key(f)])
		}
	}
	return v
}

// plantedCases plants every case, failing the test on a case that does
// not fit its document.
func plantedCases(t *testing.T) []*plantedCase {
	t.Helper()
	cases, err := plantAll("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	return cases
}

// raceSample is the cases run under the race detector: four of different
// kinds that share one clean run. The race detector makes a run about ten
// times slower; the gates need the full set, which the run without -race
// measures.
func raceSample(t *testing.T, cases []*plantedCase) []*plantedCase {
	var out []*plantedCase
	seen := map[faultKind]bool{}
	for _, c := range cases {
		if len(out) < 4 && !seen[c.kind] && c.aligner == "" && cleanKey(c) == cleanKey(cases[0]) {
			seen[c.kind] = true
			out = append(out, c)
		}
	}
	t.Logf("race detector on: %d of %d cases; recall and false findings are gated without -race", len(out), len(cases))
	return out
}

// writeCaseDirs writes every case under root/NAME and returns the
// directories.
func writeCaseDirs(t *testing.T, root string, cases []*plantedCase) map[string]string {
	t.Helper()
	dirs := map[string]string{}
	for _, c := range cases {
		dir := filepath.Join(root, c.name)
		if err := writeFaultCase(dir, c); err != nil {
			t.Fatal(err)
		}
		dirs[c.name] = dir
	}
	return dirs
}

// cleanKey identifies a case's clean run: its files and arguments. Cases
// with equal keys share one run.
func cleanKey(c *plantedCase) string {
	h := sha256.New()
	for _, n := range slices.Sorted(maps.Keys(c.clean)) {
		fmt.Fprintf(h, "%s\x00%d\x00", n, len(c.clean[n]))
		h.Write(c.clean[n])
	}
	fmt.Fprint(h, strings.Join(c.args(""), "\x00"))
	return fmt.Sprintf("%x", h.Sum(nil))
}

// parallel calls f(0) … f(n-1), GOMAXPROCS at a time.
func parallel(n int, f func(i int)) {
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i := range n {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			f(i)
		})
	}
	wg.Wait()
}

// TestPlantedFaults runs paralign compare on every planted fault and on
// the clean document it was planted in, and measures recall (faults found
// at the right section with the right check for the faulted language) and
// false findings (warnings and errors that neither the fault nor the
// clean document explains). It skips while compare does not exist.
//
// With PARALIGN_FAULTS_DIR=dir it only writes the cases there
// (dir/cases.tsv and dir/NAME/{clean,faulted,args}) for
// scripts/pofilter-baseline.sh; run it with -count=1 then.
func TestPlantedFaults(t *testing.T) {
	cases := plantedCases(t)
	golden(t, "testdata/faults/cases.tsv", faultsTSV(cases))
	if dir := os.Getenv("PARALIGN_FAULTS_DIR"); dir != "" {
		writeCaseDirs(t, dir, cases)
		if err := os.WriteFile(filepath.Join(dir, "cases.tsv"), []byte(faultsTSV(cases)), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %d cases to %s", len(cases), dir)
		return
	}
	all := len(cases)
	if raceEnabled {
		cases = raceSample(t, cases)
	}
	dirs := writeCaseDirs(t, t.TempDir(), cases)

	// The clean documents, one run each; the first tells whether compare exists.
	cleanRuns := map[string][]faultFinding{}
	for _, c := range cases {
		key := cleanKey(c)
		if _, ok := cleanRuns[key]; ok {
			continue
		}
		fs, err := faultCompare(c.args(filepath.Join(dirs[c.name], "clean")))
		if err == errNoCompare {
			t.Skipf(`paralign compare does not exist yet (exit 2, unknown command "compare"); the planted-fault set is ready: %d cases in testdata/faults/cases.tsv`, all)
		}
		if err != nil {
			t.Fatalf("%s, clean document: %v", c.name, err)
		}
		var shown []string
		for _, f := range fs {
			if f.counts() {
				shown = append(shown, "\n\t"+f.String())
			}
		}
		t.Logf("clean %s (%s): %d findings, %d warnings and errors (pre-existing, subtracted)%s", c.doc, strings.Join(c.inputs, " "), len(fs), len(shown), strings.Join(shown, ""))
		cleanRuns[key] = fs
	}

	got := make([][]faultFinding, len(cases))
	errs := make([]error, len(cases))
	parallel(len(cases), func(i int) {
		got[i], errs[i] = faultCompare(cases[i].args(filepath.Join(dirs[cases[i].name], "faulted")))
	})

	type tally struct{ cases, found, side, spurious int }
	byKind := map[faultKind]*tally{}
	byLang := map[string]*tally{}
	var total tally
	var missed []string
	unscored := 0
	for i, c := range cases {
		if errs[i] != nil {
			t.Fatalf("%s: %v", c.name, errs[i])
		}
		v := judgeFault(c, cleanRuns[cleanKey(c)], got[i])
		if c.aligner != "" {
			t.Logf("%s: not scored (%s): found %v, %d findings outside the fault", c.name, c.aligner, v.found, len(v.spurious))
			unscored++
			continue
		}
		for _, tl := range []*tally{&total, tallyOf(byKind, c.kind), tallyOf(byLang, c.lang)} {
			tl.cases++
			tl.side += len(v.side)
			tl.spurious += len(v.spurious)
			if v.found {
				tl.found++
			}
		}
		if !v.found {
			var near []string
			for _, f := range got[i] {
				if slices.Contains(f.Langs, c.lang) && in(f.Section, c.explain) {
					near = append(near, "\n\t\tgot "+f.String())
				}
			}
			missed = append(missed, fmt.Sprintf("\n\t%s: want %s at §%s for %s (%s)%s", c.name, strings.Join(c.checks(), " or "),
				strings.Join(c.sections, ","), c.lang, c.detail, strings.Join(near, "")))
		}
		for j, f := range v.spurious {
			moved := ""
			if v.moved[j] {
				moved = " (the clean document has this check here with another fingerprint: the fingerprint moved)"
			}
			t.Logf("%s: false finding: %s%s", c.name, f, moved)
		}
		for _, f := range v.side {
			t.Logf("%s: also at the fault: %s", c.name, f)
		}
	}

	var b strings.Builder
	fmt.Fprintf(&b, "%-22s %6s %6s %6s %6s\n", "kind / language", "cases", "found", "side", "false")
	for _, k := range slices.Sorted(maps.Keys(byKind)) {
		tl := byKind[k]
		fmt.Fprintf(&b, "%-22s %6d %6d %6d %6d\n", k, tl.cases, tl.found, tl.side, tl.spurious)
	}
	for _, l := range slices.Sorted(maps.Keys(byLang)) {
		tl := byLang[l]
		fmt.Fprintf(&b, "%-22s %6d %6d %6d %6d\n", l, tl.cases, tl.found, tl.side, tl.spurious)
	}
	recall := float64(total.found) / float64(total.cases)
	fmt.Fprintf(&b, "compare: found %d/%d planted faults (recall %.3f), %d false findings, %d more findings at the faults; %d cases not scored (known aligner bugs)",
		total.found, total.cases, recall, total.spurious, total.side, unscored)
	t.Log("\n" + b.String())
	if len(missed) > 0 {
		t.Logf("missed:%s", strings.Join(missed, ""))
	}
	if raceEnabled {
		return
	}
	if recall < minFaultRecall {
		t.Errorf("recall %.3f < %.2f: %d of %d planted faults not found at their section (see \"missed\" above)", recall, minFaultRecall, total.cases-total.found, total.cases)
	}
	if limit := int(maxFalsePerCase * float64(total.cases)); total.spurious > limit {
		t.Errorf("%d false findings in %d cases, more than %d (see \"false finding\" above)", total.spurious, total.cases, limit)
	}
}

func tallyOf[K comparable, V any](m map[K]*V, k K) *V {
	if m[k] == nil {
		m[k] = new(V)
	}
	return m[k]
}

// TestPlantedFaultsPlacement checks the generator, not compare: aligned by
// paralign align, each faulted document differs from its clean document
// only in the faulted language's cells of the case's sections, and a
// deleted section's cell is empty. A fault that lands elsewhere would make
// TestPlantedFaults measure the aligner instead of compare.
func TestPlantedFaultsPlacement(t *testing.T) {
	if raceEnabled {
		t.Skip("race detector on: the placement of the faults does not depend on it, the run without -race checks it")
	}
	cases := plantedCases(t)
	dirs := writeCaseDirs(t, t.TempDir(), cases)
	cleanRuns := map[string]map[string]map[string]string{}
	for _, c := range cases {
		if key := cleanKey(c); cleanRuns[key] == nil {
			cleanRuns[key] = alignedCells(t, c.args(filepath.Join(dirs[c.name], "clean")))
		}
	}
	faulted := make([]map[string]map[string]string, len(cases))
	parallel(len(cases), func(i int) {
		faulted[i] = alignedCells(t, cases[i].args(filepath.Join(dirs[cases[i].name], "faulted")))
	})
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			problems := misplaced(c, cleanRuns[cleanKey(c)], faulted[i])
			switch {
			case c.aligner != "" && len(problems) == 0:
				t.Errorf("the known aligner bug no longer shows (%s): drop the case's aligner note so that it is scored", c.aligner)
			case c.aligner != "":
				t.Logf("known aligner bug (%s), not scored: %d cells differ, e.g. %s", c.aligner, len(problems), problems[0])
			default:
				for _, p := range problems {
					t.Error(p)
				}
			}
		})
	}
}

// misplaced lists the ways the faulted document's aligned cells differ
// from the clean ones other than the case says.
func misplaced(c *plantedCase, clean, faulted map[string]map[string]string) []string {
	var out []string
	for _, s := range c.sections {
		was, now := clean[s][c.lang], faulted[s][c.lang]
		switch {
		case was == "":
			out = append(out, fmt.Sprintf("§%s: the clean %s cell is empty", s, c.lang))
		case was == now:
			out = append(out, fmt.Sprintf("§%s: the %s cell did not change", s, c.lang))
		case (c.kind == faultSection || c.kind == faultTruncated) && now != "":
			out = append(out, fmt.Sprintf("§%s: the %s cell should be empty after the deletion, is %.60q", s, c.lang, now))
		}
	}
	ids := map[string]bool{}
	for id := range clean {
		ids[id] = true
	}
	for id := range faulted {
		ids[id] = true
	}
	for _, id := range slices.Sorted(maps.Keys(ids)) {
		for _, l := range c.langs {
			if clean[id][l] != faulted[id][l] && !(l == c.lang && in(id, c.explain)) {
				out = append(out, fmt.Sprintf("row %s, %s changed outside the fault:\nclean:   %.120q\nfaulted: %.120q", id, l, clean[id][l], faulted[id][l]))
			}
		}
	}
	return out
}

// alignedCells runs paralign align (TSV) and returns row id → language →
// cell. It is safe to call from several goroutines.
func alignedCells(t *testing.T, args []string) map[string]map[string]string {
	t.Helper()
	var out, errb bytes.Buffer
	if code := run(append([]string{"align"}, args...), strings.NewReader(""), &out, &errb); code != exitOK {
		t.Errorf("paralign align %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
		return nil
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	header := strings.Split(lines[0], "\t")
	rows := map[string]map[string]string{}
	for _, line := range lines[1:] {
		f := strings.Split(line, "\t")
		row := map[string]string{}
		for i, l := range header[1:] {
			if i+1 < len(f) {
				row[l] = f[i+1]
			}
		}
		if _, dup := rows[f[0]]; dup {
			t.Errorf("paralign align %s: row id %s twice", strings.Join(args, " "), f[0])
		}
		rows[f[0]] = row
	}
	return rows
}

// TestJudgeFault: how TestPlantedFaults scores a report, on made-up
// findings (it runs while compare does not exist).
func TestJudgeFault(t *testing.T) {
	number := &plantedCase{faultCase: faultCase{lang: "es", kind: faultNumber}, sections: []string{"1"}, explain: []string{"1"}}
	cut := &plantedCase{faultCase: faultCase{lang: "de", kind: faultTruncated}, sections: []string{"32", "33"}, explain: []string{"32", "33", "33+"}}
	f := func(check, sev, section, lang, fp string) faultFinding {
		return faultFinding{Check: check, Severity: sev, Section: section, Langs: []string{"en", lang}, Fingerprint: fp}
	}
	pre := f("missing-section", "error", "17", "de", "aaaa") // the charter's pre-existing finding
	tests := []struct {
		name                  string
		c                     *plantedCase
		clean, got            []faultFinding
		found                 bool
		side, spurious, moved int
	}{
		{"found", number, nil, []faultFinding{f("number-missing", "error", "1", "es", "1")}, true, 0, 0, 0},
		{"either check", number, nil, []faultFinding{f("number-extra", "warning", "1", "es", "1")}, true, 0, 0, 0},
		{"at info still found", number, nil, []faultFinding{f("number-extra", "info", "1", "es", "1")}, true, 0, 0, 0},
		{"wrong section", number, nil, []faultFinding{f("number-missing", "error", "2", "es", "1")}, false, 0, 1, 0},
		{"wrong language", number, nil, []faultFinding{f("number-missing", "error", "1", "ru", "1")}, false, 0, 1, 0},
		{"wrong check at the section", number, nil, []faultFinding{f("length-ratio", "warning", "1", "es", "1")}, false, 1, 0, 0},
		{"pre-existing subtracted", number, []faultFinding{pre}, []faultFinding{pre, f("number-missing", "error", "1", "es", "1")}, true, 0, 0, 0},
		{"fingerprint moved", number, []faultFinding{pre}, []faultFinding{f("missing-section", "error", "17", "de", "bbbb"), f("number-missing", "error", "1", "es", "1")}, true, 0, 1, 1},
		{"info elsewhere ignored", number, nil, []faultFinding{f("name-mismatch", "info", "4", "es", "1"), f("number-missing", "error", "1", "es", "2")}, true, 0, 0, 0},
		{"truncated: every section", cut, []faultFinding{pre}, []faultFinding{pre, f("missing-section", "error", "32", "de", "1"), f("missing-section", "error", "33", "de", "2"), f("missing-paragraph", "error", "33+3", "de", "3")}, true, 1, 0, 0},
		{"truncated: one missed", cut, nil, []faultFinding{f("missing-section", "error", "32", "de", "1")}, false, 0, 0, 0},
		{"truncated: one finding for the run", cut, nil, []faultFinding{func() faultFinding {
			g := f("missing-section", "error", "32", "de", "1")
			g.Sections = []string{"32", "33"}
			return g
		}()}, true, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := judgeFault(tt.c, tt.clean, tt.got)
			moved := 0
			for _, m := range v.moved {
				if m {
					moved++
				}
			}
			if v.found != tt.found || len(v.side) != tt.side || len(v.spurious) != tt.spurious || moved != tt.moved {
				t.Errorf("judgeFault = found %v, %d side, %d false (%d moved), want %v, %d, %d (%d)",
					v.found, len(v.side), len(v.spurious), moved, tt.found, tt.side, tt.spurious, tt.moved)
			}
		})
	}
}
