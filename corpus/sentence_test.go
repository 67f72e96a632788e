package corpus

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/rivo/uniseg"
	"golang.org/x/text/encoding/charmap"
)

// sentences returns the text of each span.
func sentences(text string, spans []Span) []string {
	out := make([]string, len(spans))
	for i, s := range spans {
		out[i] = text[s.Start:s.End]
	}
	return out
}

// checkSpans reports how spans fail to cover text exactly, or "".
func checkSpans(text string, spans []Span) string {
	if text == "" {
		if len(spans) != 0 {
			return fmt.Sprintf("%d spans for empty text", len(spans))
		}
		return ""
	}
	if len(spans) == 0 {
		return "no spans"
	}
	at := 0
	for i, s := range spans {
		if s.Start != at {
			return fmt.Sprintf("span %d starts at %d, want %d", i, s.Start, at)
		}
		if s.End <= s.Start {
			return fmt.Sprintf("span %d is empty or reversed: %v", i, s)
		}
		at = s.End
	}
	if at != len(text) {
		return fmt.Sprintf("spans end at %d, want %d", at, len(text))
	}
	return ""
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		lang   Lang
		want   []string
		reason string
	}{
		{name: "empty", text: "", want: nil},
		{name: "space only", text: "  \n ", want: []string{"  \n "}},
		{name: "no end", text: "A title without a full stop", want: []string{"A title without a full stop"}},
		{name: "two", text: "One. Two.", want: []string{"One. ", "Two."}},
		{name: "spaces go before", text: "One.   Two.  ", want: []string{"One.   ", "Two.  "}},
		{name: "leading space", text: "  One. Two.", want: []string{"  One. ", "Two."}},
		{
			name: "marker with no-break spaces", lang: "en",
			text:   "1.\u00a0\u00a0 At the beginning. It ends.",
			want:   []string{"1.\u00a0\u00a0 At the beginning. ", "It ends."},
			reason: "kazakhstan-2022: each marker is followed by NO-BREAK SPACEs",
		},
		{
			name: "bom before heading", lang: "de",
			text:   "\ufeff## II. Abhängigkeiten",
			want:   []string{"\ufeff## II. Abhängigkeiten"},
			reason: "twelve-factor/de.md: pages start with a BOM",
		},
		{
			name: "escaped ordinal", lang: "de",
			text:   `wer das 14\. Lebensjahr vollendet hat.`,
			want:   []string{`wer das 14\. Lebensjahr vollendet hat.`},
			reason: "commons-code-satzung/de.md writes the ordinal with a Markdown escape",
		},
		{
			name: "ordinal only in German", lang: "en",
			text: "They won 14. Lebensjahr is German.",
			want: []string{"They won 14. ", "Lebensjahr is German."},
		},
		{
			name: "abbreviation with a space", lang: "es",
			text:   "Es como EE. UU. Los demás.",
			want:   []string{"Es como EE. UU. ", "Los demás."},
			reason: "kazakhstan-2022 writes EE.UU. at the end of a point; the RAE spelling has a space",
		},
		{
			name: "closing marks", lang: "en",
			text:   "the slogan “unite!”. Next.",
			want:   []string{"the slogan “unite!”. ", "Next."},
			reason: "kazakhstan-2022: “Proletarians of all countries, unite!”.",
		},
		{
			name: "bold lead sentence", lang: "en",
			text:   "**Lead sentence.**  Body text.",
			want:   []string{"**Lead sentence.**  ", "Body text."},
			reason: "twelve-factor: UAX #29 breaks between the full stop and the closing **",
		},
		{
			name: "image alt text", lang: "de",
			text:   "![Eine Codebase bildet sich ab](/images/x.png)",
			want:   []string{"![Eine Codebase bildet sich ab](/images/x.png)"},
			reason: "twelve-factor: UAX #29 breaks after the ! of an image",
		},
		{
			name: "footnote", lang: "en",
			text: "End.[^1] Next.[12] Last.",
			want: []string{"End.[^1] ", "Next.[12] ", "Last."},
		},
		{
			name: "shortcode lines", lang: "en",
			text:   "{{< download >}}\nDownload as PDF\n{{< /download >}}",
			want:   []string{"{{< download >}}\n", "Download as PDF\n", "{{< /download >}}"},
			reason: "commons-code-satzung: a Hugo shortcode ends the page",
		},
		{
			name: "crlf", lang: "en",
			text: "One.\r\nTwo\r\nthree.\r\n\r\nFour.",
			want: []string{"One.\r\n", "Two\r\nthree.\r\n\r\n", "Four."},
		},
		{
			name: "blank line", lang: "en",
			text: "no end here\n\nnew paragraph",
			want: []string{"no end here\n\n", "new paragraph"},
		},
		{
			name: "trailing blank lines", lang: "en",
			text: "End.\n\n",
			want: []string{"End.\n\n"},
		},
		{
			name: "nested list items", lang: "en",
			text:   "Membership ends:\n   1. by death;\n   1. by exclusion pursuant to paragraph 6.",
			want:   []string{"Membership ends:\n   ", "1. by death;\n   ", "1. by exclusion pursuant to paragraph 6."},
			reason: "commons-code-satzung/en.md: whitespace between sentences, indentation included, belongs to the sentence before",
		},
		{
			name: "lower case after question", lang: "en",
			text: "“Why?” she asked. Fine!",
			want: []string{"“Why?” she asked. ", "Fine!"},
		},
		{
			name: "omission", lang: "en",
			text: "He wrote (...) Then more. Really… Yes.",
			want: []string{"He wrote (...) Then more. ", "Really… ", "Yes."},
		},
		{
			name: "unknown language", lang: "fr",
			text: "M. Dupont arrive. Il part.",
			want: []string{"M. Dupont arrive. ", "Il part."},
		},
		{
			name: "initial, not measure", lang: "ru",
			text: "Г. Ф. Лебедев приехал. Всё.",
			want: []string{"Г. Ф. Лебедев приехал. ", "Всё."},
		},
		{
			name: "invalid utf-8", lang: "en",
			text: "Bad \xff byte. Next \xc3.",
			want: []string{"Bad \xff byte. ", "Next \xc3."},
		},
		{
			name: "no space after stop", lang: "en",
			text: "end.The next. ok",
			want: []string{"end.The next. ok"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spans := SplitSentences(tt.text, tt.lang)
			if msg := checkSpans(tt.text, spans); msg != "" {
				t.Fatalf("SplitSentences(%q, %q): %s", tt.text, tt.lang, msg)
			}
			if got := sentences(tt.text, spans); !slices.Equal(got, tt.want) {
				t.Errorf("SplitSentences(%q, %q) = %q, want %q", tt.text, tt.lang, got, tt.want)
			}
		})
	}
}

// TestSplitSentencesLinear guards against the quadratic look-ahead of
// uniseg's SB8 on long runs of spaces or closing marks after a full stop.
func TestSplitSentencesLinear(t *testing.T) {
	for _, text := range []string{
		"a." + strings.Repeat(" ", 1<<20) + ".",
		"a." + strings.Repeat(")", 1<<20) + "B",
		"a. " + strings.Repeat("1", 1<<20) + ".",
		strings.Repeat("a. ) ", 1<<18),
		strings.Repeat("\n", 1<<20),
		strings.Repeat(".", 1<<20),
		strings.Repeat("…", 1<<18),
	} {
		start := time.Now()
		spans := SplitSentences(text, "en")
		// Quadratic time would take hours; linear takes milliseconds. The
		// bound is loose for busy machines.
		if d := time.Since(start); d > 30*time.Second {
			t.Errorf("SplitSentences(%q…) took %v", text[:8], d)
		}
		if msg := checkSpans(text, spans); msg != "" {
			t.Errorf("SplitSentences(%q…): %s", text[:8], msg)
		}
	}
	// The cut in a long run of spaces keeps the boundary where UAX #29 puts it.
	text := "One." + strings.Repeat(" ", 100) + "Two."
	if got, want := SplitSentences(text, "en"), []Span{{0, 104}, {104, 108}}; !slices.Equal(got, want) {
		t.Errorf("SplitSentences(%q, \"en\") = %v, want %v", text, got, want)
	}
}

// goldPara is one hand-labelled paragraph of testdata/sentences.
type goldPara struct {
	name   string // file:line
	reason string // the comments above it
	known  bool   // a known error: counted, but not failed
	lang   Lang
	text   string
	want   []string
}

// readGold reads a gold file (format in testdata/sentences/README.md).
func readGold(t *testing.T, path string) []goldPara {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	base := filepath.Base(path)
	lang := Lang(strings.SplitN(base, "-", 2)[0])
	if lang == "und" {
		lang = Und
	}
	unescape := strings.NewReplacer(`\\`, `\`, `\n`, "\n", `\t`, "\t")
	var out []goldPara
	var cur *goldPara
	var comments []string
	for i, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasPrefix(line, "//"):
			comments = append(comments, strings.TrimSpace(strings.TrimPrefix(line, "//")))
		case strings.TrimSpace(line) == "":
			cur, comments = nil, nil
		default:
			if cur == nil {
				out = append(out, goldPara{name: fmt.Sprintf("%s:%d", base, i+1), lang: lang})
				cur = &out[len(out)-1]
				cur.reason = strings.Join(comments, " ")
				cur.known = slices.ContainsFunc(comments, func(c string) bool { return strings.HasPrefix(c, "known:") })
			}
			s := unescape.Replace(line)
			if n := len(cur.want); n > 0 {
				if r, _ := utf8.DecodeLastRuneInString(cur.want[n-1]); !isSpace(r) {
					cur.want[n-1] += " "
					cur.text += " "
				}
			}
			cur.want = append(cur.want, s)
			cur.text += s
		}
	}
	// Whitespace between sentences belongs to the sentence before, also
	// the indentation of a line.
	for _, p := range out {
		for i := 1; i < len(p.want); i++ {
			s := strings.TrimLeftFunc(p.want[i], isSpace)
			if s == "" {
				continue
			}
			p.want[i-1] += p.want[i][:len(p.want[i])-len(s)]
			p.want[i] = s
		}
	}
	return out
}

// boundaries returns the starts of all sentences but the first.
func boundaries(lens []int) []int {
	var b []int
	at := 0
	for _, n := range lens[:max(len(lens)-1, 0)] {
		at += n
		b = append(b, at)
	}
	return b
}

// unisegLens returns the lengths of the UAX #29 sentences of text.
func unisegLens(text string) []int {
	var lens []int
	for s, st := text, -1; s != ""; {
		var sent string
		sent, s, st = uniseg.FirstSentenceInString(s, st)
		lens = append(lens, len(sent))
	}
	return lens
}

// unisegBoundaries returns the UAX #29 boundaries of text, each moved over
// the whitespace after it as SplitSentences does, so that only the choice
// of boundaries is compared.
func unisegBoundaries(text string) []int {
	var out []int
	for _, b := range boundaries(unisegLens(text)) {
		b += len(text[b:]) - len(strings.TrimLeftFunc(text[b:], isSpace))
		if b < len(text) && (len(out) == 0 || out[len(out)-1] != b) {
			out = append(out, b)
		}
	}
	return out
}

// score counts boundaries: found and right, found, and wanted.
type score struct{ tp, got, want int }

func (s *score) add(got, want []int) {
	for _, b := range got {
		if slices.Contains(want, b) {
			s.tp++
		}
	}
	s.got += len(got)
	s.want += len(want)
}

func (s score) String() string {
	return fmt.Sprintf("P %.3f R %.3f (%d right of %d found, %d wanted)",
		float64(s.tp)/float64(max(s.got, 1)), float64(s.tp)/float64(max(s.want, 1)), s.tp, s.got, s.want)
}

// TestSplitSentencesGold checks SplitSentences against the hand-labelled
// paragraphs of testdata/sentences and logs the precision and recall of
// its boundaries next to those of plain UAX #29 (run with -v to see them).
func TestSplitSentencesGold(t *testing.T) {
	files, err := filepath.Glob("testdata/sentences/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no gold files: %v", err)
	}
	type group struct{ uax, ours score }
	groups := map[string]*group{}
	for _, f := range files {
		for _, p := range readGold(t, f) {
			spans := SplitSentences(p.text, p.lang)
			got := sentences(p.text, spans)
			var wantLens, gotLens []int
			for _, s := range p.want {
				wantLens = append(wantLens, len(s))
			}
			for _, s := range got {
				gotLens = append(gotLens, len(s))
			}
			source := strings.TrimSuffix(strings.SplitN(filepath.Base(f), "-", 2)[1], ".txt")
			kind := "real"
			if source == "cases" {
				kind = "cases"
			}
			for _, key := range []string{"all", kind, string(p.lang.String()) + " " + kind} {
				if groups[key] == nil {
					groups[key] = &group{}
				}
				groups[key].uax.add(unisegBoundaries(p.text), boundaries(wantLens))
				groups[key].ours.add(boundaries(gotLens), boundaries(wantLens))
			}
			t.Run(p.name, func(t *testing.T) {
				if msg := checkSpans(p.text, spans); msg != "" {
					t.Fatalf("SplitSentences(%q, %q): %s", p.text, p.lang, msg)
				}
				diff := cmp.Diff(p.want, got)
				switch {
				case diff != "" && !p.known:
					t.Errorf("SplitSentences(%q, %q) mismatch (-want +got):\n%s\n(%s)", p.text, p.lang, diff, p.reason)
				case diff == "" && p.known:
					t.Logf("known error is fixed; drop its \"known:\" comment: %s", p.reason)
				}
			})
		}
	}
	keys := make([]string, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		g := groups[k]
		t.Logf("%-9s uniseg %v", k, g.uax)
		t.Logf("%-9s ours   %v", k, g.ours)
	}
}

// TestSplitSentencesCorpus prints every sentence boundary of the shared
// multilingual corpus, for checking by hand. It runs only when
// PARALIGN_CORPUS names the corpus directory, and with -v shows its work.
func TestSplitSentencesCorpus(t *testing.T) {
	dir := os.Getenv("PARALIGN_CORPUS")
	if dir == "" {
		t.Skip("PARALIGN_CORPUS not set")
	}
	docs := []struct {
		path string
		lang Lang
		cm   *charmap.Charmap // nil for UTF-8
	}{
		{"kazakhstan-2022/combined.txt", "en", nil},
		{"commons-code-satzung/en.md", "en", nil},
		{"commons-code-satzung/de.md", "de", nil},
		{"twelve-factor/en.md", "en", nil},
		{"twelve-factor/de.md", "de", nil},
		{"twelve-factor/es.md", "es", nil},
		{"twelve-factor/ru.md", "ru", nil},
		{"udhr-nltk/en.txt", "en", nil},
		{"udhr-nltk/de.txt", "de", charmap.ISO8859_1},
		{"udhr-nltk/es.txt", "es", charmap.ISO8859_1},
		{"udhr-nltk/ru.txt", "ru", charmap.Windows1251},
	}
	for _, d := range docs {
		t.Run(d.path, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, d.path))
			if err != nil {
				t.Fatal(err)
			}
			if d.cm != nil {
				if data, err = d.cm.NewDecoder().Bytes(data); err != nil {
					t.Fatal(err)
				}
			}
			data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
			n := 0
			for _, p := range SplitParagraphs(string(data), d.path, SplitOptions{}) {
				if p.Kind == Code || p.Kind == FrontMatter {
					continue
				}
				spans := SplitSentences(p.Text, d.lang)
				if msg := checkSpans(p.Text, spans); msg != "" {
					t.Errorf("%s:%d: %s", d.path, p.Start, msg)
				}
				for _, s := range spans[1:] {
					before := p.Text[max(s.Start-40, 0):s.Start]
					after := p.Text[s.Start:min(s.Start+30, len(p.Text))]
					t.Logf("%d: %q ‖ %q", p.Start, strings.ToValidUTF8(before, ""), strings.ToValidUTF8(after, ""))
					n++
				}
			}
			t.Logf("%s: %d boundaries", d.path, n)
		})
	}
}

func FuzzSplitSentences(f *testing.F) {
	files, _ := filepath.Glob("testdata/sentences/*.txt")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for para := range strings.SplitSeq(string(data), "\n\n") {
			f.Add(strings.ReplaceAll(para, `\n`, "\n"), strings.SplitN(filepath.Base(file), "-", 2)[0])
		}
	}
	for _, s := range []string{"", " ", ".", "a.", "a.\n", "1. ", "e. V.", "[^", "…", "?!\u00a0»", "a.\xff b", "\r\n\r\n"} {
		f.Add(s, "de")
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		spans := SplitSentences(text, Lang(lang))
		if msg := checkSpans(text, spans); msg != "" {
			t.Fatalf("SplitSentences(%q, %q): %s", text, lang, msg)
		}
	})
}

func ExampleSplitSentences() {
	text := "1. Der Verein heißt Commons & Code e. V. Er hat seinen Sitz in Leipzig. Mitglied kann werden, wer das 14. Lebensjahr vollendet hat, z. B. Schüler."
	for _, s := range SplitSentences(text, "de") {
		fmt.Printf("%q\n", text[s.Start:s.End])
	}
	// Output:
	// "1. Der Verein heißt Commons & Code e. V. "
	// "Er hat seinen Sitz in Leipzig. "
	// "Mitglied kann werden, wer das 14. Lebensjahr vollendet hat, z. B. Schüler."
}

func BenchmarkSplitSentences(b *testing.B) {
	files, _ := filepath.Glob("testdata/sentences/*-udhr.txt")
	more, _ := filepath.Glob("testdata/sentences/*-cases.txt")
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		for _, f := range append(files, more...) {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			sb.WriteString(strings.ReplaceAll(strings.ReplaceAll(string(data), "\n\n", " "), `\n`, "\n"))
		}
	}
	text := sb.String()
	b.Run("SplitSentences", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			SplitSentences(text, "en")
		}
	})
	b.Run("uniseg", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			unisegLens(text)
		}
	})
}
