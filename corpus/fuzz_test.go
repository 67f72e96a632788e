package corpus

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// fuzzTimeLimit catches a hang or a blow-up on one fuzz input (a few
// kilobytes, which linear code handles in milliseconds). It is not a speed
// target (benchmarks are): 2 s failed on inputs that take 0.1 s when the
// fuzzer shared two cores with a load average of 20.
const fuzzTimeLimit = 30 * time.Second

// inTime fails the test when the input took longer than fuzzTimeLimit
// since start.
func inTime(t *testing.T, start time.Time, what string) {
	t.Helper()
	if d := time.Since(start); d > fuzzTimeLimit {
		t.Errorf("%s took %v, want under %v", what, d, fuzzTimeLimit)
	}
}

// decodedText turns fuzz bytes into what SplitParagraphs is given: valid
// UTF-8 with LF line ends.
func decodedText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// addTestdataSeeds adds the first kilobytes of the repository's test
// documents, which hold every marker and list style the splitter knows.
func addTestdataSeeds(f *testing.F, add func(text string)) {
	files, _ := filepath.Glob("../testdata/*/*.txt")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		add(string(data[:min(len(data), 3000)]))
	}
}

var splitSeeds = []string{
	"",
	"\n\n\n",
	"One.\n\nTwo.\n \u00a0\nThree.",
	"Title\nPreamble\nWhereas a long line that runs on and on and on.\n",
	"1. One\n2. Two\n\n  1) nested\n  2) nested\n\n3. Three",
	"---\ntitle: x\n---\n# Heading\n\nText\n",
	"```\ncode\n\nmore code\n",
	"~~~~\nx\n~~~~\n\nafter",
	"Title\n=====\n\nSub\n---\n\ntext",
	"Article 1\ntext\nArticle 2\ntext",
	"\ufeff1. a\n\ufeff2. b",
	"- a\n- b\n* c\n\n- - -\n***\n",
	"##X. Dev\n#######\n#\n",
	"+++\n+++",
	"in the year\n2022. Then",
}

// FuzzSplitParagraphs checks the lossless contract of SplitParagraphs:
// the paragraphs are in order, their line ranges do not overlap, each
// paragraph's Text is exactly its lines joined by LF, and every line
// outside them is blank.
func FuzzSplitParagraphs(f *testing.F) {
	for _, s := range splitSeeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	addTestdataSeeds(f, func(s string) { f.Add(s, false) })
	f.Fuzz(func(t *testing.T, text string, md bool) {
		text = decodedText(text)
		format := PlainText
		if md {
			format = Markdown
		}
		start := time.Now()
		paras := SplitParagraphs(text, "f.txt", SplitOptions{Format: format})
		inTime(t, start, "SplitParagraphs")
		lines := strings.Split(text, "\n")
		if lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1]
		}
		covered := make([]bool, len(lines))
		prevEnd := 0
		for k, p := range paras {
			if p.File != "f.txt" {
				t.Fatalf("paragraph %d: File %q, want f.txt", k, p.File)
			}
			if p.Start <= prevEnd || p.End < p.Start || p.End > len(lines) {
				t.Fatalf("paragraph %d: lines %d-%d after line %d of %d: out of order or out of range", k, p.Start, p.End, prevEnd, len(lines))
			}
			if want := strings.Join(lines[p.Start-1:p.End], "\n"); p.Text != want {
				t.Fatalf("paragraph %d (lines %d-%d): Text %q, want the lines %q", k, p.Start, p.End, p.Text, want)
			}
			if isBlank(lines[p.Start-1]) {
				t.Fatalf("paragraph %d starts with a blank line: %q", k, p.Text)
			}
			if p.Kind != Code && p.Kind != FrontMatter {
				for i := p.Start; i <= p.End; i++ {
					if isBlank(lines[i-1]) {
						t.Fatalf("%v paragraph %d holds blank line %d: %q", p.Kind, k, i, p.Text)
					}
				}
			}
			if p.Kind == Heading && (p.Level < 1 || p.Level > 6) {
				t.Fatalf("heading %d has level %d", k, p.Level)
			}
			for i := p.Start; i <= p.End; i++ {
				covered[i-1] = true
			}
			prevEnd = p.End
		}
		for i, c := range covered {
			if !c && !isBlank(lines[i]) {
				t.Fatalf("line %d %q is in no paragraph", i+1, lines[i])
			}
		}
	})
}

// FuzzReadBytes runs the whole reading pipeline (Decode, SniffFormat,
// SplitParagraphs) on raw bytes: no panic, an error or a document with
// paragraphs, and the paragraphs are exactly the decoded text's non-blank
// blocks.
func FuzzReadBytes(f *testing.F) {
	for _, s := range splitSeeds {
		f.Add([]byte(s), "f.txt", "")
	}
	f.Add([]byte("# A\n\ntext"), "f.md", "")
	f.Add([]byte("\xff\xfe1\x00.\x00 \x00A\x00\n\x00"), "f.txt", "")
	f.Add([]byte("1. Stra\xdfe\r\n\r\n2. Gr\xf6\xdfe\r"), "f.txt", "latin1")
	f.Add([]byte("caf\xe9"), "f.txt", "utf-8")
	f.Fuzz(func(t *testing.T, data []byte, name, enc string) {
		start := time.Now()
		doc, err := ReadBytes(data, name, ReadOptions{Encoding: enc})
		inTime(t, start, "ReadBytes")
		if err != nil {
			if doc != nil {
				t.Fatalf("ReadBytes(%q) = %v with error %v", data, doc, err)
			}
			if !errors.Is(err, ErrUnknownEncoding) && !strings.Contains(err.Error(), QuoteName(name)) {
				t.Fatalf("ReadBytes(%q): error %q does not name the input %s", data, err, QuoteName(name))
			}
			return
		}
		if len(doc.Paragraphs) == 0 {
			t.Fatalf("ReadBytes(%q): no paragraphs and no error", data)
		}
		dec, err := Decode(data, name, enc)
		if err != nil {
			t.Fatalf("Decode fails (%v) where ReadBytes succeeds", err)
		}
		var got strings.Builder
		for _, p := range doc.Paragraphs {
			if !utf8.ValidString(p.Text) {
				t.Fatalf("paragraph %d holds invalid UTF-8: %q", p.Start, p.Text)
			}
			got.WriteString(p.Text)
		}
		if want := strings.Map(dropSpace, dec.Text); strings.Map(dropSpace, got.String()) != want {
			t.Fatalf("paragraphs hold %q, the text %q (white space aside)", got.String(), dec.Text)
		}
	})
}

// FuzzParseMarker checks that ParseMarker never panics and that a marker
// it reports is well formed: within the text, with at least one part, an
// id that is one field without white space.
func FuzzParseMarker(f *testing.F) {
	for _, s := range []string{
		"1. The text", "1) Текст", "(12) Text", `#### 1\. Text`, "1.\u00a0\u00a0 At", "IV. Backing", "##X. Dev",
		"\ufeff## I. Codebase", "# § 3 Mitgliedschaft", "§3 Text", "Article 5 ", "Статья 5", "Artículo 12. Nadie",
		"Artikel 3\nJeder", "12.1 Scope", "20.2.1. Sub", "III.1.a) Text", "a) first", "б) второй",
		`###### <a name="x"></a>64. Text`, "<a ", "1. #### Title", "**2.** Bold", "__Article 1__ x", "MMMMMMMMMMMMMMMMMM. x",
		"99999999999999999999999. x", "1.2.3.4.5.6.7.8.9.10.11.12.13 x", "", "#", "(", "§", "ст. 5",
		"§ 2385 Inhalt", "1000. The seller", "2022.01.18 x", "المادة ١٢", "第二十一条 国家", "第１４条　すべて", "제 2 조 정의",
		"Artigo 3.º Estado", "Article premier – Objet", "Article 12 shall apply", "第", "제", "第〇〇〇〇〇条", "Art. 5o",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		start := time.Now()
		m, ok := ParseMarker(text)
		inTime(t, start, "ParseMarker")
		if !ok {
			if m.Parts != nil || m.Len != 0 {
				t.Fatalf("ParseMarker(%q) = %+v, false: want the zero Marker", text, m)
			}
			return
		}
		if len(m.Parts) == 0 {
			t.Fatalf("ParseMarker(%q) = %+v: no parts", text, m)
		}
		if m.Len <= 0 || m.Len > len(text) {
			t.Fatalf("ParseMarker(%q).Len = %d, want 1..%d", text, m.Len, len(text))
		}
		if m.Heading < 0 || m.Heading > 6 {
			t.Fatalf("ParseMarker(%q).Heading = %d", text, m.Heading)
		}
		if m.Value != m.Parts[len(m.Parts)-1].Value {
			t.Fatalf("ParseMarker(%q).Value = %d, last part %d", text, m.Value, m.Parts[len(m.Parts)-1].Value)
		}
		_ = m.Kind()
		id := m.ID()
		if id == "" || strings.IndexFunc(id, isSpace) >= 0 || strings.ContainsAny(id, "\t\n\r") || !utf8.ValidString(id) {
			t.Fatalf("ParseMarker(%q).ID() = %q: want one field of valid UTF-8", text, id)
		}
	})
}

// FuzzTSVWriter writes fuzzed rows (cells separated by U+001F, rows by
// U+001E) and reads them back: one line per row, as many tabs as cells,
// every cell CellText of its input and stable under CellText.
func FuzzTSVWriter(f *testing.F) {
	for _, s := range []string{
		"", "a\x1fb", "a\tb\x1fc\nd\x1e\x1f", "\ufeff1.\u00a0\u00a0At\u2028the\u0085end\r\n",
		"e\u200b\u0301", "caf\xe9\x1f\x00\x7f", "\u3000\u205f\u180e", "a\x1e\x1e\x1e",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var rows [][]string
		for r := range strings.SplitSeq(in, "\x1e") {
			rows = append(rows, strings.Split(r, "\x1f"))
		}
		var buf bytes.Buffer
		start := time.Now()
		w := NewTSVWriter(&buf)
		for _, r := range rows {
			if err := w.Write(r); err != nil {
				t.Fatal(err)
			}
		}
		w.Flush()
		if err := w.Error(); err != nil {
			t.Fatal(err)
		}
		inTime(t, start, "TSVWriter")
		sc := bufio.NewScanner(&buf)
		sc.Buffer(nil, 1<<20)
		k := 0
		for sc.Scan() {
			line := sc.Text()
			if k >= len(rows) {
				t.Fatalf("more lines than the %d rows written: %q", len(rows), line)
			}
			if strings.ContainsRune(line, '\r') {
				t.Fatalf("line %d holds a CR: %q", k+1, line)
			}
			cells := strings.Split(line, "\t")
			if len(cells) != len(rows[k]) {
				t.Fatalf("row %d: %d cells written, %d read back from %q", k, len(rows[k]), len(cells), line)
			}
			for i, c := range cells {
				if want := CellText(rows[k][i]); c != want {
					t.Fatalf("row %d cell %d: %q, want CellText %q", k, i, c, want)
				}
				if again := CellText(c); again != c {
					t.Fatalf("CellText(%q) = %q is not stable: CellText again gives %q", rows[k][i], c, again)
				}
			}
			k++
		}
		if k != len(rows) {
			t.Fatalf("%d lines read back, %d rows written", k, len(rows))
		}
	})
}
