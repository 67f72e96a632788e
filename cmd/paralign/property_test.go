package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"

	"github.com/paralign/paralign/corpus"
)

// TestPropertyDocuments generates documents from the four-language charter
// of testdata/charter (real sentences, so that detection works): a random
// run of its sections in a random subset of the languages, with sections
// missing here and there, a list inside a section, a signatory list at the
// end, random white space (NO-BREAK SPACE after markers, blank lines of
// spaces, trailing blanks), a byte-order mark or not, LF, CRLF, CR or all
// three, and UTF-8, UTF-16, windows-1251, KOI8-R, ISO-8859-1 or
// windows-1252; as one combined file or one file per language. For each it
// checks that
//
//   - the command reads back exactly the text generated (encodings and
//     line ends detected),
//   - align --format jsonl holds every paragraph of the inputs exactly
//     once, byte for byte, in order per language, and
//   - the output is byte-identical run twice with GOMAXPROCS=1 and twice
//     with GOMAXPROCS=2, for JSONL and TSV.
//
// PARALIGN_PROPERTY_N sets the number of documents (default 4; seeds 1…N).
func TestPropertyDocuments(t *testing.T) {
	n := 4
	if s := os.Getenv("PARALIGN_PROPERTY_N"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			t.Fatalf("PARALIGN_PROPERTY_N=%q: %v", s, err)
		}
	}
	if testing.Short() {
		n = min(n, 1)
	}
	src := readCharter(t)
	for seed := 1; seed <= n; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			dir := t.TempDir()
			doc := generate(rand.New(rand.NewPCG(uint64(seed), 6)), src)
			var paths []string
			for _, f := range doc.files {
				path := filepath.Join(dir, f.name)
				if err := os.WriteFile(path, f.data, 0o644); err != nil {
					t.Fatal(err)
				}
				paths = append(paths, path)
			}
			t.Logf("%s", doc)
			checkGenerated(t, doc, paths)
		})
	}
}

// charterText is the charter of testdata/charter cut into blank-line
// blocks: per language, the head (title, preamble) and the numbered
// sections, each a list of blocks.
type charterText map[corpus.Lang]struct {
	head     []string
	sections [][]string
}

var charterSection = regexp.MustCompile(`^(\d+)[.)] `)

func readCharter(t *testing.T) charterText {
	out := charterText{}
	for _, l := range []corpus.Lang{"en", "ru", "es", "de"} {
		data, err := os.ReadFile(filepath.Join("../../testdata/charter", string(l)+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		c := out[l]
		next := 1
		for b := range strings.SplitSeq(strings.TrimSpace(string(data)), "\n\n") {
			if m := charterSection.FindStringSubmatch(b); m != nil && m[1] == strconv.Itoa(next) {
				c.sections = append(c.sections, []string{b})
				next++
				continue
			}
			if len(c.sections) == 0 {
				c.head = append(c.head, b)
				continue
			}
			k := len(c.sections) - 1
			c.sections[k] = append(c.sections[k], b)
		}
		out[l] = c
	}
	return out
}

// genFile is one generated input file.
type genFile struct {
	name     string
	langs    []corpus.Lang
	text     string // the text, LF line ends, no byte-order mark
	data     []byte // as written: line ends, mark, encoding applied
	encoding string
	eol      string
	bom      bool
}

type genDoc struct {
	langs []corpus.Lang
	files []genFile
}

func (d genDoc) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "languages %v:", d.langs)
	for _, f := range d.files {
		fmt.Fprintf(&b, " %s (%v, %d bytes, %s, eol %q, bom %v)", f.name, f.langs, len(f.data), f.encoding, f.eol, f.bom)
	}
	return b.String()
}

var (
	lists = map[corpus.Lang]string{
		"en": "The Council shall in particular:\n1) adopt the budget;\n2) elect the auditors;\n3) decide on appeals.",
		"ru": "Совет, в частности:\n1) утверждает бюджет;\n2) избирает ревизоров;\n3) рассматривает жалобы.",
		"es": "El Consejo, en particular:\n1) aprueba el presupuesto;\n2) elige a los auditores;\n3) resuelve los recursos.",
		"de": "Der Rat hat insbesondere:\n1) den Haushalt zu beschließen;\n2) die Prüfer zu wählen;\n3) über Beschwerden zu entscheiden.",
	}
	signatories = map[corpus.Lang]string{
		"en": "Signed for the member organisations:",
		"ru": "Подписано от имени организаций-членов:",
		"es": "Firmado en nombre de las organizaciones miembros:",
		"de": "Unterzeichnet für die Mitgliedsorganisationen:",
	}
)

// generate builds one document from r.
func generate(r *rand.Rand, src charterText) genDoc {
	all := []corpus.Lang{"en", "ru", "es", "de"}
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	langs := all[:1+r.IntN(len(all))]
	nsec := len(src["de"].sections) // the shortest version
	from := r.IntN(nsec / 2)
	to := from + 4 + r.IntN(8)
	to = min(to, nsec)
	texts := map[corpus.Lang]string{}
	for _, l := range langs {
		var blocks []string
		if from == 0 || r.IntN(2) == 0 {
			blocks = append(blocks, src[l].head...)
		}
		for s := from; s < to && s < len(src[l].sections); s++ {
			if r.IntN(6) == 0 {
				continue // a missing section
			}
			sec := slices.Clone(src[l].sections[s])
			if r.IntN(5) == 0 {
				sec = append(sec, lists[l])
			}
			blocks = append(blocks, sec...)
		}
		if r.IntN(2) == 0 {
			var sig strings.Builder
			sig.WriteString(signatories[l])
			for k := 1; k <= 3+r.IntN(5); k++ {
				fmt.Fprintf(&sig, "\n%s%d. %s", strings.Repeat(" ", r.IntN(3)), k, []string{"River Cooperative Zarya", "Nordic Ferry Union", "Fishers of the Pechora", "Cooperativa del Duero", "Flussgenossenschaft Oder", "Lake Ladoga Association", "Arctic Waters Fund"}[k-1])
			}
			blocks = append(blocks, sig.String())
		}
		texts[l] = whitespace(r, blocks)
	}
	var doc genDoc
	doc.langs = langs
	if len(langs) > 1 && r.IntN(2) == 0 {
		var parts []string
		for _, l := range langs {
			parts = append(parts, texts[l])
		}
		doc.files = append(doc.files, encodeFile(r, "combined.txt", langs, strings.Join(parts, blankLine(r))))
	} else {
		for _, l := range langs {
			doc.files = append(doc.files, encodeFile(r, string(l)+".txt", []corpus.Lang{l}, texts[l]))
		}
	}
	return doc
}

// whitespace joins blocks with random blank lines and puts random white
// space where documents have it.
func whitespace(r *rand.Rand, blocks []string) string {
	var b strings.Builder
	for i, blk := range blocks {
		if i > 0 {
			b.WriteString(blankLine(r))
		}
		if r.IntN(4) == 0 {
			blk = charterSection.ReplaceAllString(blk, "$1)\u00a0\u00a0")
		}
		lines := strings.Split(blk, "\n")
		for k := range lines {
			switch r.IntN(8) {
			case 0:
				lines[k] += " "
			case 1:
				lines[k] += "\t"
			}
		}
		b.WriteString(strings.Join(lines, "\n"))
	}
	return b.String() + "\n"
}

func blankLine(r *rand.Rand) string {
	return []string{"\n\n", "\n\n", "\n\n\n", "\n  \n", "\n\u00a0\n", "\n\t\n\n"}[r.IntN(6)]
}

// encodeFile applies a byte-order mark, line ends and an encoding that can
// hold the languages of the file.
func encodeFile(r *rand.Rand, name string, langs []corpus.Lang, text string) genFile {
	f := genFile{name: name, langs: langs, text: text, eol: []string{"\n", "\r\n", "\r", "mixed"}[r.IntN(4)], encoding: "utf-8"}
	lines := strings.Split(text, "\n")
	var b strings.Builder
	for k, line := range lines {
		b.WriteString(line)
		if k == len(lines)-1 {
			break
		}
		switch f.eol {
		case "mixed":
			// CR then LF is one line end: after a CR that ends an
			// empty line, an LF would merge the two
			ends := []string{"\n", "\r\n", "\r"}
			if line == "" && strings.HasSuffix(b.String(), "\r") {
				ends = ends[1:]
			}
			b.WriteString(ends[r.IntN(len(ends))])
		default:
			b.WriteString(f.eol)
		}
	}
	body := b.String()
	choices := []string{"utf-8", "utf-16le", "utf-16be"}
	if len(langs) == 1 {
		switch langs[0] {
		case "ru":
			choices = append(choices, "windows-1251", "koi8-r")
		case "es", "de":
			choices = append(choices, "iso-8859-1", "windows-1252")
		}
	}
	f.encoding = choices[r.IntN(len(choices))]
	f.bom = r.IntN(2) == 0
	switch f.encoding {
	case "utf-8":
		f.data = []byte(body)
		if f.bom {
			f.data = append([]byte("\ufeff"), f.data...)
		}
	case "utf-16le", "utf-16be":
		f.bom = true // without a mark the guess needs mostly Latin text
		u := utf16.Encode([]rune("\ufeff" + body))
		for _, c := range u {
			if f.encoding == "utf-16le" {
				f.data = append(f.data, byte(c), byte(c>>8))
			} else {
				f.data = append(f.data, byte(c>>8), byte(c))
			}
		}
	default:
		f.bom = false
		cm := map[string]*charmap.Charmap{"windows-1251": charmap.Windows1251, "koi8-r": charmap.KOI8R, "iso-8859-1": charmap.ISO8859_1, "windows-1252": charmap.Windows1252}[f.encoding]
		data, err := encoding.ReplaceUnsupported(cm.NewEncoder()).Bytes([]byte(body))
		if err != nil {
			panic(err)
		}
		f.data = data
		// what the code page cannot hold (typographic quotes, dashes in
		// Latin-1) is written as it reads back
		dec, err := cm.NewDecoder().Bytes(data)
		if err != nil {
			panic(err)
		}
		f.text = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(string(dec))
	}
	return f
}

// checkGenerated runs the checks of TestPropertyDocuments on one document.
func checkGenerated(t *testing.T, doc genDoc, paths []string) {
	t.Helper()
	var want []corpus.Paragraph
	for k, f := range doc.files {
		dec, err := corpus.Decode(f.data, paths[k], "")
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		if dec.Text != f.text {
			t.Errorf("%s: read back as %s, not the text written as %s", f.name, dec.Encoding, f.encoding)
		}
		d, err := corpus.ReadBytes(f.data, paths[k], corpus.ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want = append(want, d.Paragraphs...)
	}
	outputs := map[string][]string{}
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 1, 2, 2} {
		runtime.GOMAXPROCS(procs)
		for _, format := range []string{"jsonl", "tsv"} {
			var out, errb bytes.Buffer
			args := append([]string{"align", "--format", format}, paths...)
			if code := run(args, strings.NewReader(""), &out, &errb); code != 0 {
				t.Fatalf("paralign %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
			}
			outputs[format] = append(outputs[format], out.String())
		}
	}
	for format, outs := range outputs {
		for k := 1; k < len(outs); k++ {
			if outs[k] != outs[0] {
				t.Errorf("%s output of run %d (GOMAXPROCS %d) differs from run 1 (GOMAXPROCS 1)", format, k+1, []int{1, 1, 2, 2}[k])
			}
		}
	}
	head := strings.SplitN(outputs["tsv"][0], "\n", 2)[0]
	for _, l := range doc.langs {
		if !slices.Contains(strings.Split(head, "\t"), string(l)) {
			t.Errorf("TSV header %q lacks %s", head, l)
		}
	}
	checkJSONLParagraphs(t, outputs["jsonl"][0], want)
}

// checkJSONLParagraphs asserts that the JSONL rows hold exactly the input
// paragraphs, each once and byte for byte, and in input order within each
// language.
func checkJSONLParagraphs(t *testing.T, out string, want []corpus.Paragraph) {
	t.Helper()
	type key struct {
		file  string
		start int
	}
	index := map[key]int{}
	for k, p := range want {
		index[key{p.File, p.Start}] = k
	}
	seen := make([]bool, len(want))
	last := map[string]int{}
	for n, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var r jsonlRow
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("JSONL line %d: %v", n+1, err)
		}
		for _, lang := range slices.Sorted(maps.Keys(r.Cells)) {
			for _, p := range r.Cells[lang].Paragraphs {
				k, ok := index[key{p.File, p.Start}]
				switch {
				case !ok:
					t.Fatalf("JSONL line %d: paragraph %s:%d is no input paragraph", n+1, p.File, p.Start)
				case seen[k]:
					t.Fatalf("JSONL line %d: paragraph %s:%d a second time", n+1, p.File, p.Start)
				case p.Text != want[k].Text:
					t.Fatalf("JSONL line %d: paragraph %s:%d is %q, the input %q", n+1, p.File, p.Start, p.Text, want[k].Text)
				}
				if prev, ok := last[lang]; ok && k < prev {
					t.Fatalf("JSONL line %d: %s paragraph %s:%d after %s:%d", n+1, lang, p.File, p.Start, want[prev].File, want[prev].Start)
				}
				seen[k] = true
				last[lang] = k
			}
		}
	}
	for k, s := range seen {
		if !s {
			t.Errorf("paragraph %s:%d %q is missing from the JSONL", want[k].File, want[k].Start, want[k].Text)
		}
	}
}
