package main

// Planted faults: one error put into one language version of a clean
// document, with the finding paralign compare must report for it. The
// faulted documents are built here from the clean ones in testdata/, so
// the cases are reviewable as a table and nothing is committed 50 times.
// TestPlantedFaults (faults_compare_test.go) runs compare on them;
// scripts/pofilter-baseline.sh gets them through PARALIGN_FAULTS_DIR.

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"github.com/paralign/paralign/corpus"
)

// faultKind is a kind of planted fault.
type faultKind string

const (
	faultNumber       faultKind = "number-changed"       // a number in the section changed (old → new)
	faultSentence     faultKind = "sentence-deleted"     // one sentence of a paragraph deleted
	faultParagraph    faultKind = "paragraph-deleted"    // one paragraph of a multi-paragraph section deleted
	faultUntranslated faultKind = "left-in-english"      // a paragraph replaced by the English one (marker kept)
	faultPartly       faultKind = "partly-english"       // one sentence replaced by the English sentence
	faultSection      faultKind = "section-deleted"      // every paragraph of a section deleted
	faultDuplicate    faultKind = "paragraph-duplicated" // a paragraph repeated right after itself
	faultURL          faultKind = "url-changed"          // a URL changed (old → new)
	faultEmail        faultKind = "email-changed"        // an e-mail address changed (old → new)
	faultTruncated    faultKind = "truncated"            // the version cut off before a section: that one and all after it gone
	faultThird        faultKind = "third-language"       // a paragraph replaced by the one of a third language
)

// faultChecks are the check ids compare may report for a kind; any one of
// them at the section, for the faulted language, finds the fault. A
// changed number gives both number-missing and number-extra.
var faultChecks = map[faultKind][]string{
	faultNumber:       {"number-missing", "number-extra"},
	faultSentence:     {"missing-sentence"},
	faultParagraph:    {"missing-paragraph"},
	faultUntranslated: {"untranslated"},
	faultPartly:       {"mixed-language", "untranslated"},
	faultSection:      {"missing-section"},
	faultDuplicate:    {"extra-paragraph", "duplicate"},
	faultURL:          {"url-mismatch"},
	faultEmail:        {"email-mismatch"},
	faultTruncated:    {"missing-section"},
	faultThird:        {"wrong-language"},
}

// faultCase is one planted fault.
type faultCase struct {
	name    string
	doc     string // key of faultDocs
	lang    string // the version the fault is planted in
	kind    faultKind
	section string // section id as paralign writes it ("7", "12.2", "preamble"); truncated: the first section cut
	para    int    // paragraph of the section, 1-based, the marker paragraph first (list items count); 0 means 1, or for old/new the paragraph holding old
	sent    int    // sentence of the paragraph, 1-based (sentence-deleted, partly-english)
	old     string // number-changed, url-changed, email-changed: the text replaced; it occurs once in the section
	new     string
	from    string            // third-language: the version whose paragraph is pasted in
	add     map[string]string // text appended to the paragraph in every version before the fault, to plant a URL or e-mail the document lacks
	detail  string            // what the fault imitates, for the case list
	// aligner, when set, says how paralign align misplaces this fault (a
	// known bug, not compare's): the case is run and reported, not scored,
	// and TestPlantedFaultsPlacement fails once the bug is gone.
	aligner string
}

// faultCases is the planted-fault test set. Every kind is planted in
// several documents and languages; Russian cases use NO-BREAK SPACE
// thousands separators, Spanish and German decimal commas.
var faultCases = []faultCase{
	// The seed statement: one combined file, EN then RU then ES, points 1–8, one paragraph each.
	{name: "kz-es-number-years", doc: "kazakhstan", lang: "es", kind: faultNumber, section: "1", old: "30 años", new: "35 años", detail: "30 years after the counter-revolution → 35"},
	{name: "kz-ru-number-year", doc: "kazakhstan", lang: "ru", kind: faultNumber, section: "1", old: "В начале 2022 года", new: "В начале 2021 года", detail: "the year of the events 2022 → 2021"},
	{name: "kz-ru-sentence-5", doc: "kazakhstan", lang: "ru", kind: faultSentence, section: "5", sent: 2, detail: "second sentence of point 5 deleted"},
	{name: "kz-es-sentence-6", doc: "kazakhstan", lang: "es", kind: faultSentence, section: "6", sent: 2, detail: "middle sentence of point 6 deleted"},
	{name: "kz-es-english-3", doc: "kazakhstan", lang: "es", kind: faultUntranslated, section: "3", detail: "point 3 left in English"},
	{name: "kz-ru-english-7", doc: "kazakhstan", lang: "ru", kind: faultUntranslated, section: "7", detail: "point 7 left in English"},
	{name: "kz-es-partly-5", doc: "kazakhstan", lang: "es", kind: faultPartly, section: "5", sent: 2, detail: "second sentence of point 5 left in English"},
	{name: "kz-ru-partly-2", doc: "kazakhstan", lang: "ru", kind: faultPartly, section: "2", sent: 2, detail: "second sentence of point 2 left in English"},
	{name: "kz-ru-section-4", doc: "kazakhstan", lang: "ru", kind: faultSection, section: "4", detail: "point 4 missing"},
	{name: "kz-es-section-6", doc: "kazakhstan", lang: "es", kind: faultSection, section: "6", detail: "point 6 missing"},
	{name: "kz-es-truncated-7", doc: "kazakhstan", lang: "es", kind: faultTruncated, section: "7", detail: "version ends after point 6"},
	{name: "kz-ru-duplicate-preamble", doc: "kazakhstan", lang: "ru", kind: faultDuplicate, section: "preamble", detail: "preamble pasted twice"},
	{name: "kz-es-url-8", doc: "kazakhstan", lang: "es", kind: faultURL, section: "8", add: kzURL, old: "/Joint-Statement-Kazakhstan-2022/", new: "/Joint-Statement-Kazakhstan-2021/", detail: "URL planted in every version, year in the ES path changed"},
	{name: "kz-ru-email-8", doc: "kazakhstan", lang: "ru", kind: faultEmail, section: "8", add: kzEmail, old: "info@solidnet.org", new: "info@solidnet.ru", detail: "e-mail planted in every version, domain changed in RU"},
	{name: "kz-es-russian-4", doc: "kazakhstan", lang: "es", kind: faultThird, section: "4", from: "ru", detail: "point 4 of ES pasted from the RU version"},
	{name: "kz-ru-spanish-3", doc: "kazakhstan", lang: "ru", kind: faultThird, section: "3", from: "es", detail: "point 3 of RU pasted from the ES version"},

	// The charter: four files, 33 sections with subsections, multi-paragraph sections; DE lacks section 17
	// (pre-existing). Run as pairs with EN.
	{name: "ch-ru-number-budget", doc: "charter", lang: "ru", kind: faultNumber, section: "19", old: "284\u00a0750,5", new: "248\u00a0750,5", detail: "budget 284 750,5 → 248 750,5 (NBSP grouping)"},
	{name: "ch-ru-number-fee", doc: "charter", lang: "ru", kind: faultNumber, section: "10", old: "1\u00a0500,5", new: "1\u00a0050,5", detail: "fee 1 500,5 → 1 050,5 (NBSP grouping)"},
	{name: "ch-es-number-percent", doc: "charter", lang: "es", kind: faultNumber, section: "19", old: "12,5 %", new: "15,5 %", detail: "reserve 12,5 % → 15,5 % (decimal comma)"},
	{name: "ch-de-number-fee", doc: "charter", lang: "de", kind: faultNumber, section: "10", old: "1.500,5", new: "1.550,5", detail: "fee 1.500,5 → 1.550,5 (dot grouping, decimal comma)"},
	{name: "ch-de-number-year", doc: "charter", lang: "de", kind: faultNumber, section: "31", old: "2027", new: "2028", detail: "term of the first Council 2027 → 2028"},
	{name: "ch-es-number-days", doc: "charter", lang: "es", kind: faultNumber, section: "7", old: "90 días", new: "60 días", detail: "decision within 90 → 60 days"},
	{name: "ch-ru-number-employees", doc: "charter", lang: "ru", kind: faultNumber, section: "10", old: "менее 25 человек", new: "менее 20 человек", detail: "fewer than 25 → 20 employees"},
	{name: "ch-de-number-days", doc: "charter", lang: "de", kind: faultNumber, section: "29", old: "60 Tage", new: "30 Tage", detail: "notice of amendments 60 → 30 days"},
	{name: "ch-es-sentence-14", doc: "charter", lang: "es", kind: faultSentence, section: "14", para: 3, sent: 2, detail: "proxy rule (second sentence) deleted"},
	{name: "ch-de-sentence-15", doc: "charter", lang: "de", kind: faultSentence, section: "15", sent: 2, detail: "re-election rule (second sentence) deleted"},
	{name: "ch-ru-sentence-13", doc: "charter", lang: "ru", kind: faultSentence, section: "13", para: 2, sent: 2, detail: "agenda requirement (second sentence) deleted"},
	{name: "ch-es-paragraph-11", doc: "charter", lang: "es", kind: faultParagraph, section: "11", para: 3, detail: "exclusion paragraph deleted"},
	{name: "ch-ru-paragraph-22", doc: "charter", lang: "ru", kind: faultParagraph, section: "22", para: 2, detail: "data-use paragraph deleted"},
	{name: "ch-de-paragraph-3", doc: "charter", lang: "de", kind: faultParagraph, section: "3", para: 2, detail: "second paragraph of the purpose deleted"},
	{name: "ch-es-paragraph-preamble", doc: "charter", lang: "es", kind: faultParagraph, section: "preamble", para: 2, detail: "second paragraph of the preamble deleted"},
	{name: "ch-de-english-23", doc: "charter", lang: "de", kind: faultUntranslated, section: "23", para: 2, detail: "second paragraph left in English"},
	{name: "ch-ru-english-6", doc: "charter", lang: "ru", kind: faultUntranslated, section: "6", para: 2, detail: "second paragraph left in English"},
	{name: "ch-es-english-26", doc: "charter", lang: "es", kind: faultUntranslated, section: "26", detail: "first paragraph left in English, ES marker kept"},
	{name: "ch-de-partly-13", doc: "charter", lang: "de", kind: faultPartly, section: "13", para: 2, sent: 2, detail: "one sentence left in English"},
	{name: "ch-es-partly-29", doc: "charter", lang: "es", kind: faultPartly, section: "29", para: 2, sent: 2, detail: "one sentence left in English"},
	{name: "ch-ru-partly-11", doc: "charter", lang: "ru", kind: faultPartly, section: "11", para: 3, sent: 2, detail: "one sentence left in English"},
	{name: "ch-ru-section-24", doc: "charter", lang: "ru", kind: faultSection, section: "24", detail: "section 24 missing"},
	{name: "ch-es-section-9", doc: "charter", lang: "es", kind: faultSection, section: "9", detail: "section 9 missing"},
	{name: "ch-de-section-12.2", doc: "charter", lang: "de", kind: faultSection, section: "12.2", detail: "subsection 12.2 missing"},
	{name: "ch-es-duplicate-8", doc: "charter", lang: "es", kind: faultDuplicate, section: "8", para: 2, detail: "second paragraph pasted twice"},
	{name: "ch-de-duplicate-30", doc: "charter", lang: "de", kind: faultDuplicate, section: "30", para: 2, detail: "second paragraph pasted twice"},
	{name: "ch-ru-duplicate-21", doc: "charter", lang: "ru", kind: faultDuplicate, section: "21", para: 2, detail: "second paragraph pasted twice"},
	{name: "ch-ru-url-28", doc: "charter", lang: "ru", kind: faultURL, section: "28", old: "https://www.nrca.example.org/charter", new: "https://www.nrca.example.org/ustav", detail: "URL path translated"},
	{name: "ch-de-url-28", doc: "charter", lang: "de", kind: faultURL, section: "28", old: "https://www.nrca.example.org/charter", new: "https://www.nrca-example.de/charter", detail: "URL host changed"},
	{name: "ch-es-email-7", doc: "charter", lang: "es", kind: faultEmail, section: "7", old: "membership@nrca.example.org", new: "miembros@nrca.example.org", detail: "mailbox name translated"},
	{name: "ch-ru-email-17", doc: "charter", lang: "ru", kind: faultEmail, section: "17", old: "secretariat@nrca.example.org", new: "secretariat@nrca.example.com", detail: "e-mail domain changed"},
	{name: "ch-de-truncated-32", doc: "charter", lang: "de", kind: faultTruncated, section: "32", detail: "version ends after section 31 (closing blocks gone too)"},
	{name: "ch-ru-truncated-30", doc: "charter", lang: "ru", kind: faultTruncated, section: "30", detail: "version ends after section 29 (closing blocks gone too)"},
	{name: "ch-es-german-4", doc: "charter", lang: "es", kind: faultThird, section: "4", from: "de", detail: "section 4 of ES pasted from the DE file"},
	{name: "ch-de-spanish-25", doc: "charter", lang: "de", kind: faultThird, section: "25", para: 3, from: "es", detail: "last paragraph of DE 25 pasted from the ES file"},
	{name: "ch-ru-german-21", doc: "charter", lang: "ru", kind: faultThird, section: "21", para: 2, from: "de", detail: "second paragraph of RU 21 pasted from the DE file"},

	// The UDHR as NLTK ships it: one file per language in Latin-1 or Windows-1251, "Article N" headings; the
	// translations stop inside Article 26 and English inside 29 (pre-existing). Run as pairs with EN.
	{name: "udhr-es-sentence-25", doc: "udhr", lang: "es", kind: faultSentence, section: "25", para: 2, sent: 2, detail: "first sentence of Article 25(2) deleted"},
	{name: "udhr-de-paragraph-2", doc: "udhr", lang: "de", kind: faultParagraph, section: "2", para: 3, detail: "second paragraph of Article 2 deleted"},
	{name: "udhr-ru-english-3", doc: "udhr", lang: "ru", kind: faultUntranslated, section: "3", para: 2, detail: "Article 3 left in English (Windows-1251 file)"},
	{name: "udhr-es-section-9", doc: "udhr", lang: "es", kind: faultSection, section: "9", detail: "Article 9 missing"},
	{name: "udhr-de-truncated-24", doc: "udhr", lang: "de", kind: faultTruncated, section: "24", detail: "version ends after Article 23"},
	{name: "udhr-ru-spanish-5", doc: "udhr", lang: "ru", kind: faultThird, section: "5", para: 2, from: "es", detail: "Article 5 of RU pasted from the ES file (Windows-1251 cannot hold it: written as UTF-8)"},
	{name: "udhr-de-duplicate-17", doc: "udhr", lang: "de", kind: faultDuplicate, section: "17", para: 2, detail: "paragraph 1 of Article 17 pasted twice"},
	{name: "udhr-es-partly-12", doc: "udhr", lang: "es", kind: faultPartly, section: "12", para: 2, sent: 2, detail: "second sentence of Article 12 left in English"},
}

// Text planted in every version of seed point 8 for the URL and e-mail
// cases (the seed has neither).
var (
	kzURL = map[string]string{
		"en": "The statement is published at https://www.solidnet.org/article/Joint-Statement-Kazakhstan-2022/.",
		"ru": "Заявление опубликовано по адресу https://www.solidnet.org/article/Joint-Statement-Kazakhstan-2022/.",
		"es": "El comunicado está publicado en https://www.solidnet.org/article/Joint-Statement-Kazakhstan-2022/.",
	}
	kzEmail = map[string]string{
		"en": "Parties wishing to sign it may write to info@solidnet.org.",
		"ru": "Партии, желающие его подписать, могут написать по адресу info@solidnet.org.",
		"es": "Los partidos que deseen suscribirlo pueden escribir a info@solidnet.org.",
	}
)

// faultDoc is a clean document faults are planted in.
type faultDoc struct {
	name     string
	langs    []string // versions in column order, pivot (en) first
	files    []*faultFile
	versions map[string]*faultVersion
}

// faultFile is one input file of a document, split into paragraphs the
// way paralign splits it.
type faultFile struct {
	name  string            // base name written for a case
	enc   encoding.Encoding // encoding of the original; nil means UTF-8
	lines []string          // the decoded text split at "\n"
	paras []corpus.Paragraph
}

// faultVersion is one language version: its paragraphs and sections.
type faultVersion struct {
	lang     string
	file     *faultFile
	paras    []int            // indexes into file.paras, in order
	sections map[string][]int // section id → indexes into paras; the marker paragraph first
	ids      []string         // numbered section ids in order
}

// loadFaultDocs reads the clean documents from testdata.
func loadFaultDocs(root string) (map[string]*faultDoc, error) {
	docs := map[string]*faultDoc{}

	kz := &faultDoc{name: "kazakhstan", langs: []string{"en", "ru", "es"}, versions: map[string]*faultVersion{}}
	f, err := readFaultFile(filepath.Join(root, "kazakhstan-2022", "combined.txt"), "combined.txt")
	if err != nil {
		return nil, err
	}
	kz.files = []*faultFile{f}
	// The versions start at their titles; EN has a date line before its title.
	starts := map[string]string{"en": "Tuesday, January 18, 2022", "ru": "Совместное заявление", "es": "Comunicado Conjunto"}
	titles := map[string]string{"en": "Joint Statement of Communist", "ru": "Совместное заявление", "es": "Comunicado Conjunto"}
	var bounds []int
	for _, l := range kz.langs {
		i := slices.IndexFunc(f.paras, func(p corpus.Paragraph) bool { return strings.HasPrefix(p.Text, starts[l]) })
		if i < 0 {
			return nil, fmt.Errorf("kazakhstan: no paragraph starts with %q", starts[l])
		}
		bounds = append(bounds, i)
	}
	bounds = append(bounds, len(f.paras))
	for i, l := range kz.langs {
		v, err := newFaultVersion(l, f, bounds[i], bounds[i+1], titles[l])
		if err != nil {
			return nil, fmt.Errorf("kazakhstan %s: %w", l, err)
		}
		kz.versions[l] = v
	}
	docs[kz.name] = kz

	for _, d := range []*faultDoc{
		{name: "charter", langs: []string{"en", "ru", "es", "de"}},
		{name: "udhr", langs: []string{"en", "ru", "es", "de"}},
	} {
		d.versions = map[string]*faultVersion{}
		dir := map[string]string{"charter": "charter", "udhr": "udhr-nltk"}[d.name]
		for _, l := range d.langs {
			f, err := readFaultFile(filepath.Join(root, dir, l+".txt"), l+".txt")
			if err != nil {
				return nil, err
			}
			d.files = append(d.files, f)
			v, err := newFaultVersion(l, f, 0, len(f.paras), "")
			if err != nil {
				return nil, fmt.Errorf("%s %s: %w", d.name, l, err)
			}
			d.versions[l] = v
		}
		docs[d.name] = d
	}
	return docs, nil
}

func readFaultFile(path, name string) (*faultFile, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec, err := corpus.Decode(data, path, "")
	if err != nil {
		return nil, err
	}
	f := &faultFile{name: name, lines: strings.Split(dec.Text, "\n")}
	switch dec.Encoding {
	case "utf-8":
	case "iso-8859-1":
		f.enc = charmap.ISO8859_1
	case "windows-1251":
		f.enc = charmap.Windows1251
	default:
		return nil, fmt.Errorf("%s: encoding %s: add it to readFaultFile", path, dec.Encoding)
	}
	f.paras = corpus.SplitParagraphs(dec.Text, name, corpus.SplitOptions{Format: corpus.PlainText})
	return f, nil
}

// newFaultVersion makes the version of paragraphs [lo, hi) of f. Its title
// is the paragraph starting with title ("" = the first); the preamble is
// what lies between the title and the first section.
func newFaultVersion(lang string, f *faultFile, lo, hi int, title string) (*faultVersion, error) {
	v := &faultVersion{lang: lang, file: f, sections: map[string][]int{}}
	for i := lo; i < hi; i++ {
		v.paras = append(v.paras, i)
	}
	t := 0
	if title != "" {
		t = slices.IndexFunc(v.paras, func(i int) bool { return strings.HasPrefix(f.paras[i].Text, title) })
		if t < 0 {
			return nil, fmt.Errorf("no title %q", title)
		}
	}
	cur := "preamble"
	for k := t + 1; k < len(v.paras); k++ {
		if id, ok := sectionStart(f, v.paras[k]); ok {
			if _, dup := v.sections[id]; dup {
				return nil, fmt.Errorf("line %d: section %s twice", f.paras[v.paras[k]].Start, id)
			}
			cur = id
			v.ids = append(v.ids, id)
		}
		v.sections[cur] = append(v.sections[cur], k)
	}
	if len(v.ids) == 0 {
		return nil, fmt.Errorf("no numbered sections")
	}
	return v, nil
}

// sectionStart reports whether paragraph i of f starts a numbered section,
// and its id. A section marker starts an unindented paragraph that follows
// a blank line, or is a label heading ("Article 3"); "1)" items of a list
// under a lead-in line are not sections.
func sectionStart(f *faultFile, i int) (string, bool) {
	p := f.paras[i]
	m, ok := corpus.ParseMarker(p.Text)
	if !ok || strings.TrimLeftFunc(p.Text, unicode.IsSpace) != p.Text {
		return "", false
	}
	if m.Label == "" && p.Start > 1 && strings.TrimSpace(f.lines[p.Start-2]) != "" {
		return "", false
	}
	return m.ID(), true
}

// para returns the index into v.paras of paragraph n (1-based) of section id.
func (v *faultVersion) para(id string, n int) (int, error) {
	ps, ok := v.sections[id]
	if !ok {
		return 0, fmt.Errorf("%s has no section %s", v.lang, id)
	}
	if n < 1 || n > len(ps) {
		return 0, fmt.Errorf("%s section %s has %d paragraphs, not %d", v.lang, id, len(ps), n)
	}
	if id == v.ids[len(v.ids)-1] && n > 1 {
		return 0, fmt.Errorf("%s section %s is the last one: its paragraph %d may be a closing block", v.lang, id, n)
	}
	return ps[n-1], nil
}

// text returns the text of v.paras[k] and its marker ("" when it has none).
func (v *faultVersion) text(k int) (marker, body string) {
	p := v.file.paras[v.paras[k]]
	if _, ok := sectionStart(v.file, v.paras[k]); ok {
		m, _ := corpus.ParseMarker(p.Text)
		return p.Text[:m.Len], p.Text[m.Len:]
	}
	return "", p.Text
}

// paraEdit is what a case does to one paragraph of a file.
type paraEdit struct {
	text    *string  // new text; nil = unchanged
	deleted bool     // the paragraph and the blank lines after it are gone
	after   []string // paragraphs inserted right after it
}

// plantedCase is a case made concrete: the clean and faulted input files
// and the command-line arguments that read them.
type plantedCase struct {
	faultCase
	sections []string          // where compare must report the fault
	explain  []string          // sections whose findings in lang the fault explains; an id ending in "+" matches as a prefix
	langs    []string          // --langs of the run
	clean    map[string][]byte // file name → content: the clean document (with the case's additions)
	faulted  map[string][]byte
	inputs   []string // file arguments, relative to the directory holding the files
}

// checks returns the check ids that find the case.
func (c *plantedCase) checks() []string { return faultChecks[c.kind] }

// args returns the command-line arguments (after the command) that read
// the case's files from dir.
func (c *plantedCase) args(dir string) []string {
	args := []string{"--langs", strings.Join(c.langs, ",")}
	for _, in := range c.inputs {
		if l, name, ok := strings.Cut(in, "="); ok {
			args = append(args, "--input", l+"="+filepath.Join(dir, name))
		} else {
			args = append(args, filepath.Join(dir, in))
		}
	}
	return args
}

// plant makes case c concrete on the clean documents.
func plant(docs map[string]*faultDoc, c faultCase) (*plantedCase, error) {
	d, ok := docs[c.doc]
	if !ok {
		return nil, fmt.Errorf("no document %q", c.doc)
	}
	v, ok := d.versions[c.lang]
	if !ok || c.lang == d.langs[0] {
		return nil, fmt.Errorf("%s has no target version %q", c.doc, c.lang)
	}
	pc := &plantedCase{faultCase: c}
	if c.para == 0 {
		pc.para = 1
	}

	// The run: a combined file with every version; files as a pair, the
	// pivot and the faulted version (a third language a candidate only).
	run := d.langs
	if len(d.files) > 1 {
		run = []string{d.langs[0], c.lang}
	}
	pc.langs = slices.Clone(run)
	if c.from != "" && !slices.Contains(pc.langs, c.from) {
		pc.langs = append(pc.langs, c.from) // a candidate language, without its file
	}
	for _, f := range d.files {
		for _, l := range run {
			if d.versions[l].file == f {
				if len(d.files) == 1 {
					pc.inputs = []string{f.name}
				} else {
					pc.inputs = append(pc.inputs, l+"="+f.name)
				}
				break
			}
		}
	}

	// Additions to every version of the run (the clean document of the case has them too).
	base := map[*faultFile]map[int]*paraEdit{}
	edit := func(m map[*faultFile]map[int]*paraEdit, v *faultVersion, k int) *paraEdit {
		if m[v.file] == nil {
			m[v.file] = map[int]*paraEdit{}
		}
		i := v.paras[k]
		if m[v.file][i] == nil {
			m[v.file][i] = &paraEdit{}
		}
		return m[v.file][i]
	}
	textOf := func(m map[*faultFile]map[int]*paraEdit, v *faultVersion, k int) string {
		if e := m[v.file][v.paras[k]]; e != nil && e.text != nil {
			return *e.text
		}
		return v.file.paras[v.paras[k]].Text
	}
	for _, l := range run {
		if c.add == nil {
			break
		}
		a, ok := c.add[l]
		if !ok {
			return nil, fmt.Errorf("no addition for %s", l)
		}
		w := d.versions[l]
		k, err := w.para(c.section, pc.para)
		if err != nil {
			return nil, err
		}
		s := textOf(base, w, k) + " " + a
		edit(base, w, k).text = &s
	}

	// The fault itself, on a copy of the additions.
	faulted := map[*faultFile]map[int]*paraEdit{}
	for f, m := range base {
		faulted[f] = map[int]*paraEdit{}
		for i, e := range m {
			e2 := *e
			faulted[f][i] = &e2
		}
	}
	pc.sections = []string{c.section}
	pc.explain = []string{c.section}
	other := func(lang string) (*faultVersion, int, error) {
		w, ok := d.versions[lang]
		if !ok {
			return nil, 0, fmt.Errorf("%s has no version %q", c.doc, lang)
		}
		k, err := w.para(c.section, pc.para)
		return w, k, err
	}
	var k int
	switch {
	case c.kind == faultSection || c.kind == faultTruncated:
	case c.para == 0 && c.old != "":
		// The paragraph of the section that holds old.
		k = -1
		for _, j := range v.sections[c.section] {
			if strings.Contains(textOf(faulted, v, j), c.old) {
				if k >= 0 {
					return nil, fmt.Errorf("%q is in two paragraphs of %s section %s: name the paragraph", c.old, c.lang, c.section)
				}
				k = j
			}
		}
		if k < 0 {
			return nil, fmt.Errorf("%q is not in %s section %s", c.old, c.lang, c.section)
		}
	default:
		var err error
		if k, err = v.para(c.section, pc.para); err != nil {
			return nil, err
		}
	}
	set := func(s string) { edit(faulted, v, k).text = &s }
	switch c.kind {
	case faultNumber, faultURL, faultEmail:
		t := textOf(faulted, v, k)
		if n := strings.Count(t, c.old); n != 1 {
			return nil, fmt.Errorf("%q occurs %d times in %s paragraph %d of section %s, want once", c.old, n, c.lang, pc.para, c.section)
		}
		set(strings.Replace(t, c.old, c.new, 1))
	case faultSentence:
		t := textOf(faulted, v, k)
		spans := corpus.SplitSentences(t, corpus.Lang(c.lang))
		if c.sent < 1 || c.sent > len(spans) || len(spans) < 2 {
			return nil, fmt.Errorf("%s section %s paragraph %d has %d sentences: cannot delete sentence %d", c.lang, c.section, pc.para, len(spans), c.sent)
		}
		if m, _ := v.text(k); m != "" && c.sent == 1 {
			return nil, fmt.Errorf("sentence 1 holds the marker")
		}
		s := spans[c.sent-1]
		set(strings.TrimRightFunc(t[:s.Start]+t[s.End:], unicode.IsSpace))
	case faultPartly:
		w, j, err := other(d.langs[0])
		if err != nil {
			return nil, err
		}
		t := textOf(faulted, v, k)
		spans := corpus.SplitSentences(t, corpus.Lang(c.lang))
		src := w.file.paras[w.paras[j]].Text
		srcSpans := corpus.SplitSentences(src, corpus.Lang(w.lang))
		if len(spans) != len(srcSpans) || c.sent < 1 || c.sent > len(spans) {
			return nil, fmt.Errorf("%s has %d sentences, %s %d: sentence %d does not correspond", c.lang, len(spans), w.lang, len(srcSpans), c.sent)
		}
		s, e := spans[c.sent-1], srcSpans[c.sent-1]
		eng := src[e.Start:e.End]
		if c.sent == 1 {
			if m, _ := w.text(j); m != "" {
				tm, _ := v.text(k)
				eng = tm + eng[len(m):]
			}
		}
		tail := t[s.Start:s.End]
		trail := tail[len(strings.TrimRightFunc(tail, unicode.IsSpace)):]
		set(t[:s.Start] + strings.TrimRightFunc(eng, unicode.IsSpace) + trail + t[s.End:])
	case faultUntranslated, faultThird:
		from := d.langs[0]
		if c.kind == faultThird {
			from = c.from
			if from == "" || from == c.lang || from == d.langs[0] {
				return nil, fmt.Errorf("third-language needs from: a language other than %s and the pivot", c.lang)
			}
		}
		w, j, err := other(from)
		if err != nil {
			return nil, err
		}
		tm, _ := v.text(k)
		wm, wb := w.text(j)
		if (tm == "") != (wm == "") {
			return nil, fmt.Errorf("paragraph %d of section %s is a marker paragraph in one of %s, %s only", pc.para, c.section, c.lang, from)
		}
		set(tm + wb)
	case faultParagraph:
		if m, _ := v.text(k); m != "" || pc.para == 1 {
			return nil, fmt.Errorf("paragraph %d of section %s holds the marker: delete the section instead", pc.para, c.section)
		}
		edit(faulted, v, k).deleted = true
	case faultDuplicate:
		if m, _ := v.text(k); m != "" {
			return nil, fmt.Errorf("paragraph %d of section %s holds the marker: a copy would be a second section", pc.para, c.section)
		}
		e := edit(faulted, v, k)
		e.after = append(e.after, textOf(faulted, v, k))
	case faultSection:
		ps, ok := v.sections[c.section]
		if !ok || c.section == v.ids[len(v.ids)-1] || c.section == "preamble" {
			return nil, fmt.Errorf("%s: cannot delete section %q (missing, last or preamble)", c.lang, c.section)
		}
		for _, k := range ps {
			edit(faulted, v, k).deleted = true
		}
	case faultTruncated:
		i := slices.Index(v.ids, c.section)
		if i < 0 {
			return nil, fmt.Errorf("%s has no section %s", c.lang, c.section)
		}
		first := v.sections[c.section][0]
		for k := first; k < len(v.paras); k++ {
			edit(faulted, v, k).deleted = true
		}
		pc.sections = slices.Clone(v.ids[i:])
		pc.explain = append(slices.Clone(pc.sections), v.ids[len(v.ids)-1]+"+")
	default:
		return nil, fmt.Errorf("unknown kind %q", c.kind)
	}

	pc.clean = map[string][]byte{}
	pc.faulted = map[string][]byte{}
	for _, f := range d.files {
		if !slices.ContainsFunc(run, func(l string) bool { return d.versions[l].file == f }) {
			continue
		}
		var err error
		if pc.clean[f.name], err = f.render(base[f]); err != nil {
			return nil, err
		}
		if pc.faulted[f.name], err = f.render(faulted[f]); err != nil {
			return nil, err
		}
	}
	return pc, nil
}

// render writes the file with edits applied, in its original encoding
// when the edited text fits it and as UTF-8 otherwise.
func (f *faultFile) render(edits map[int]*paraEdit) ([]byte, error) {
	var out []string
	line, next := 0, 0
	for line < len(f.lines) {
		if next < len(f.paras) && f.paras[next].Start-1 == line {
			p := f.paras[next]
			e := edits[next]
			next++
			line = p.End
			switch {
			case e == nil:
				out = append(out, f.lines[p.Start-1:p.End]...)
			case e.deleted:
				for line < len(f.lines) && strings.TrimSpace(f.lines[line]) == "" && line < len(f.lines)-1 {
					line++
				}
			default:
				t := p.Text
				if e.text != nil {
					t = *e.text
				}
				out = append(out, strings.Split(t, "\n")...)
				for _, a := range e.after {
					if line < len(f.lines) && strings.TrimSpace(f.lines[line]) == "" {
						out = append(out, "")
					}
					out = append(out, strings.Split(a, "\n")...)
				}
			}
			continue
		}
		out = append(out, f.lines[line])
		line++
	}
	text := strings.Join(out, "\n")
	if f.enc == nil {
		return []byte(text), nil
	}
	if b, err := f.enc.NewEncoder().Bytes([]byte(text)); err == nil {
		return b, nil
	}
	return []byte(text), nil
}

// plantAll plants every case of faultCases.
func plantAll(root string) ([]*plantedCase, error) {
	docs, err := loadFaultDocs(root)
	if err != nil {
		return nil, err
	}
	var out []*plantedCase
	seen := map[string]bool{}
	for _, c := range faultCases {
		if seen[c.name] {
			return nil, fmt.Errorf("case %s twice", c.name)
		}
		seen[c.name] = true
		pc, err := plant(docs, c)
		if err != nil {
			return nil, fmt.Errorf("case %s: %w", c.name, err)
		}
		out = append(out, pc)
	}
	return out, nil
}

// faultsTSV is the case list: one row per case; section lists every
// section where the fault must be reported, checks the check ids any of
// which finds it, langs the --langs of the run, scored "no" for a case a
// known aligner bug spoils.
func faultsTSV(cases []*plantedCase) string {
	var b strings.Builder
	b.WriteString("case\tdoc\tlang\tsection\tkind\tchecks\tlangs\tscored\tdetail\n")
	for _, c := range cases {
		scored, detail := "yes", c.detail
		if c.aligner != "" {
			scored, detail = "no", c.detail+" [not scored: "+c.aligner+"]"
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.name, c.doc, c.lang, strings.Join(c.sections, ","), c.kind,
			strings.Join(c.checks(), "|"), strings.Join(c.langs, ","), scored, corpus.CellText(detail))
	}
	return b.String()
}

// writeFaultCase writes the case's clean and faulted files under
// dir/clean and dir/faulted, and dir/args: the arguments that read them,
// one a line, relative to either directory.
func writeFaultCase(dir string, c *plantedCase) error {
	for sub, files := range map[string]map[string][]byte{"clean": c.clean, "faulted": c.faulted} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
		for name, data := range files {
			if err := os.WriteFile(filepath.Join(dir, sub, name), data, 0o644); err != nil {
				return err
			}
		}
	}
	return os.WriteFile(filepath.Join(dir, "args"), []byte(strings.Join(c.args(""), "\n")+"\n"), 0o644)
}
