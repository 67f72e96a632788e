package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/google/go-cmp/cmp"
)

// brief is a paragraph reduced to what the split tests compare.
type brief struct {
	Start, End int
	Kind       Kind
	Level      int
}

func briefs(ps []Paragraph) []brief {
	var out []brief
	for _, p := range ps {
		out = append(out, brief{p.Start, p.End, p.Kind, p.Level})
	}
	return out
}

func TestSplitParagraphs(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		format Format
		want   []brief
		reason string
	}{
		{
			name: "blank lines", format: PlainText,
			text: "One.\n\nTwo.\n \u00a0\nThree.\n",
			want: []brief{{1, 1, Text, 0}, {3, 3, Text, 0}, {5, 5, Text, 0}},
		},
		{
			name: "hard wrap joined", format: PlainText,
			text: "If the association is dissolved or if tax-favoured purposes\ncease to exist, its assets are transferred to the Gesellschaft\nfür Freiheitsrechte.\n",
			want: []brief{{1, 3, Text, 0}},
		},
		{
			name: "title over subtitle in a file of long lines", format: PlainText,
			text:   "Die Allgemeine Erklärung der Menschenrechte\nResolution 217 A (III) vom 10.12.1948\n\n" + strings.Repeat("Da die Anerkennung der angeborenen Würde und der gleichen Rechte aller Mitglieder die Grundlage bildet.\n\n", 3),
			want:   []brief{{1, 1, Text, 0}, {2, 2, Text, 0}, {4, 4, Text, 0}, {6, 6, Text, 0}, {8, 8, Text, 0}},
			reason: "udhr-nltk de.txt: nothing in the file is wrapped at 43 columns",
		},
		{
			name: "narrowly wrapped file stays wrapped", format: PlainText,
			text:   "The assets of the association\nare transferred to the society\nfor civil rights.\n\nIts members meet once a\nyear in the spring.\n",
			want:   []brief{{1, 3, Text, 0}, {5, 6, Text, 0}},
			reason: "a file wrapped at 30 columns throughout",
		},
		{
			name: "title above paragraph", format: PlainText,
			text:   "Universal Declaration of Human Rights\nPreamble\nWhereas recognition of the inherent dignity and of the equal and inalienable rights of all members of the human family is the foundation of freedom,\n",
			want:   []brief{{1, 1, Text, 0}, {2, 2, Text, 0}, {3, 3, Text, 0}},
			reason: "udhr-nltk: title, heading and text on consecutive lines",
		},
		{
			name: "article line after text", format: PlainText,
			text:   "No one shall be held guilty of any penal offence on account of any act.\nArticle 12 \nNo one shall be subjected to arbitrary interference with his privacy.\n",
			want:   []brief{{1, 1, Text, 0}, {2, 2, Text, 0}, {3, 3, Text, 0}},
			reason: "udhr-nltk en.txt has no blank line before Article 12",
		},
		{
			name: "signatory list", format: PlainText,
			text:   "SolidNet Parties signing\n\n  1. Communist Party of Albania\n  2. Party of Labour of Austria\n  12. Philippines Communist Party [PKP 1930]\n  13. Russian Communist Workers' Party\n",
			want:   []brief{{1, 1, Text, 0}, {3, 3, ListItem, 1}, {4, 4, ListItem, 1}, {5, 5, ListItem, 1}, {6, 6, ListItem, 1}},
			reason: "seed statement: an item as wide as the block must not swallow the next",
		},
		{
			name: "wrapped number is text", format: PlainText,
			text: "The party was founded in the year of the great strikes, in\n1921. It grew quickly after the second congress of the workers.\n",
			want: []brief{{1, 2, Text, 0}},
		},
		{
			name: "list after colon", format: PlainText,
			text: "The council has three duties:\n1) to meet;\n2) to vote;\n3) to report.\n",
			want: []brief{{1, 1, Text, 0}, {2, 2, ListItem, 1}, {3, 3, ListItem, 1}, {4, 4, ListItem, 1}},
		},
		{
			name: "markdown lazy continuation", format: Markdown,
			text:   "1. Der Verein trägt den Namen Commons & Code.\nEr soll in das Vereinsregister eingetragen werden.\n\n1. Das Geschäftsjahr ist das Kalenderjahr.\n   1. nested item\n",
			want:   []brief{{1, 2, ListItem, 1}, {4, 4, ListItem, 1}, {5, 5, ListItem, 2}},
			reason: "commons-code-satzung de.md writes one sentence per line inside items",
		},
		{
			name: "front matter and headings", format: Markdown,
			text: "---\ntitle: \"Satzung\"\n---\n\n# § 1 Name\n## Sub\nText\n",
			want: []brief{{1, 3, FrontMatter, 0}, {5, 5, Heading, 1}, {6, 6, Heading, 2}, {7, 7, Text, 0}},
		},
		{
			name: "front matter of a later version", format: Markdown,
			text: "# Regeln\n\nText.\n\n---\ntitle: \"Reglas\"\nauthors:\n  - \"junta\"\ndraft: false\n---\n\n# Reglas\n",
			want: []brief{{1, 1, Heading, 1}, {3, 3, Text, 0}, {5, 10, FrontMatter, 0}, {12, 12, Heading, 1}},
			reason: "issue 9, class 10: pages concatenated into one combined file keep each its front matter; " +
				"mid-file it was cut at its first list item, its head joining the version before",
		},
		{
			name: "TOML front matter of a later version in plain text", format: PlainText,
			text:   "Rules of the club.\n\n+++\ntitle = \"Правила\"\n[params]\nweight = 2\n+++\n\nПравила клуба.\n",
			want:   []brief{{1, 1, Text, 0}, {3, 7, FrontMatter, 0}, {9, 9, Text, 0}},
			reason: "issue 9, class 10: the same in TOML",
		},
		{
			name: "thematic breaks around a sentence are no front matter", format: Markdown,
			text:   "Text.\n\n---\nNote: members pay on the first day.\n---\n\nMore.\n",
			want:   []brief{{1, 1, Text, 0}, {3, 5, Text, 0}, {7, 7, Text, 0}},
			reason: "front matter keys are lower-case names; a sentence after a break is content",
		},
		{
			name: "a break before a blank line is no front matter", format: Markdown,
			text: "Text.\n\n---\n\ntitle: x\n---\n",
			want: []brief{{1, 1, Text, 0}, {3, 3, Text, 0}, {5, 6, Heading, 2}},
		},
		{
			name: "fenced code kept whole", format: Markdown,
			text: "Intro\n\n```\n1. not a list\n\n# not a heading\n```\nAfter\n",
			want: []brief{{1, 1, Text, 0}, {3, 7, Code, 0}, {8, 8, Text, 0}},
		},
		{
			name: "setext heading", format: PlainText,
			text: "Charter\n=======\n\nText.\n",
			want: []brief{{1, 2, Heading, 1}, {4, 4, Text, 0}},
		},
		{
			name: "bom lines", format: Markdown,
			text:   "\ufeff## I. Codebase\n### One codebase\n\nText\n\ufeff## II. Deps\n",
			want:   []brief{{1, 1, Heading, 2}, {2, 2, Heading, 3}, {4, 4, Text, 0}, {5, 5, Heading, 2}},
			reason: "twelve-factor de.md: a BOM at the start of every concatenated page",
		},
		{
			name: "heading without space", format: Markdown,
			text: "##X. Dev-Prod\n",
			want: []brief{{1, 1, Heading, 2}},
		},
		{name: "empty", format: PlainText, text: "", want: nil},
		{name: "only blank", format: PlainText, text: "\n \n\t\n", want: nil},
		{name: "no final newline", format: PlainText, text: "a\n\nb", want: []brief{{1, 1, Text, 0}, {3, 3, Text, 0}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitParagraphs(tt.text, "f", SplitOptions{Format: tt.format})
			if diff := cmp.Diff(tt.want, briefs(got)); diff != "" {
				t.Errorf("SplitParagraphs(%q) mismatch (-want +got):\n%s%s", tt.text, diff, tt.reason)
			}
			checkLossless(t, tt.text, got)
		})
	}
}

// checkLossless asserts that the paragraphs hold every non-blank line of
// text exactly once, in order, byte for byte.
func checkLossless(t *testing.T, text string, paras []Paragraph) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(text, "\n"), "\n")
	next := 1
	for _, p := range paras {
		for n := next; n < p.Start; n++ {
			if !isBlank(lines[n-1]) {
				t.Fatalf("line %d %q is in no paragraph", n, lines[n-1])
			}
		}
		if want := strings.Join(lines[p.Start-1:p.End], "\n"); p.Text != want {
			t.Fatalf("paragraph %d-%d text %q, want %q", p.Start, p.End, p.Text, want)
		}
		next = p.End + 1
	}
	for n := next; n <= len(lines); n++ {
		if !isBlank(lines[n-1]) {
			t.Fatalf("line %d %q is in no paragraph", n, lines[n-1])
		}
	}
}

func TestSplitParagraphsTestdata(t *testing.T) {
	files, _ := filepath.Glob("../testdata/*/*.txt")
	if len(files) == 0 {
		t.Fatal("no testdata")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		dec, err := Decode(b, f, "")
		if err != nil {
			t.Fatal(err)
		}
		checkLossless(t, dec.Text, SplitParagraphs(dec.Text, f, SplitOptions{}))
	}
}

func TestSplitFences(t *testing.T) {
	const inline = "CommonMark: a backtick fence's info string cannot hold a backtick, so a line that opens and closes backticks is an inline code span"
	const closing = "CommonMark: a fence closes only with the same character, at least as long, and nothing after it"
	const plain = "plain text has no fences: a fence-like ornament must not swallow the rest of the document"
	tests := []struct {
		name   string
		text   string
		format Format
		want   []brief
		reason string
	}{
		{
			name: "inline code span", format: Markdown,
			text:   "## I. Uso\n\n```grep -r x``` busca en todo el árbol\n\n## II. Límites\n",
			want:   []brief{{1, 1, Heading, 2}, {3, 3, Text, 0}, {5, 5, Heading, 2}},
			reason: inline,
		},
		{
			name: "inline code span alone", format: Markdown,
			text:   "````make all````\n\n# § 2 Pflichten\n",
			want:   []brief{{1, 1, Text, 0}, {3, 3, Heading, 1}},
			reason: inline,
		},
		{
			name: "tilde info with backticks", format: Markdown,
			text:   "~~~ sh `x`\n# not a heading\n~~~\n# Heading\n",
			want:   []brief{{1, 3, Code, 0}, {4, 4, Heading, 1}},
			reason: "CommonMark: a tilde fence's info string may hold backticks",
		},
		{
			name: "shorter closing fence", format: Markdown,
			text:   "````\n```\n# inside\n````\nAfter\n",
			want:   []brief{{1, 4, Code, 0}, {5, 5, Text, 0}},
			reason: closing,
		},
		{
			name: "other character", format: Markdown,
			text:   "~~~\n```\n# inside\n~~~~\nAfter\n",
			want:   []brief{{1, 4, Code, 0}, {5, 5, Text, 0}},
			reason: closing,
		},
		{
			name: "closing with info", format: Markdown,
			text:   "```\n``` go\n# inside\n```\nAfter\n",
			want:   []brief{{1, 4, Code, 0}, {5, 5, Text, 0}},
			reason: closing,
		},
		{
			name: "unclosed markdown fence", format: Markdown,
			text:   "Text\n\n```\n# inside\n\nmore\n",
			want:   []brief{{1, 1, Text, 0}, {3, 6, Code, 0}},
			reason: "CommonMark: an unclosed fence runs to the end of the document",
		},
		{
			name: "plain ornament", format: PlainText,
			text:   "Глава 1\n\n~~~ * ~~~\n\nГлава 2\n\nТекст.\n",
			want:   []brief{{1, 1, Text, 0}, {3, 3, Text, 0}, {5, 5, Text, 0}, {7, 7, Text, 0}},
			reason: plain,
		},
		{
			name: "plain backticks", format: PlainText,
			text:   "Capitolo 1\n\n```\n\nCapitolo 2\n\n```\n",
			want:   []brief{{1, 1, Text, 0}, {3, 3, Text, 0}, {5, 5, Text, 0}, {7, 7, Text, 0}},
			reason: plain,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitParagraphs(tt.text, "f", SplitOptions{Format: tt.format})
			if diff := cmp.Diff(tt.want, briefs(got)); diff != "" {
				t.Errorf("SplitParagraphs(%q) mismatch (-want +got):\n%s%s", tt.text, diff, tt.reason)
			}
			checkLossless(t, tt.text, got)
		})
	}
}

func TestSniffFormat(t *testing.T) {
	tests := []struct {
		name, file, text string
		want             Format
	}{
		{"md extension", "a.md", "plain", Markdown},
		{"front matter", "a.txt", "---\nx: 1\n---\n", Markdown},
		{"headings", "-", "# A\n\ntext\n\n## B\n", Markdown},
		{"plain", "a.txt", "1. One\n\n2. Two\n", PlainText},
		{"closed fence", "a.txt", "Run\n\n```\nmake\n```\n", Markdown},
		{"lone fence", "a.txt", "Kapitel 1\n\n~~~ * ~~~\n\nKapitel 2\n", PlainText},
		{"lone backticks", "-", "Part one\n\n```\n\nPart two\n", PlainText},
		{"inline code span", "a.txt", "```x``` and ```y```\n", PlainText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SniffFormat(tt.file, tt.text); got != tt.want {
				t.Errorf("SniffFormat(%q, %q) = %v, want %v", tt.file, tt.text, got, tt.want)
			}
		})
	}
}

func ExampleSplitParagraphs() {
	text := "Charter of the Alliance\n\n1.\u00a0First point,\nwrapped.\n\n  1. Signatory one\n  2. Signatory two\n"
	for _, p := range SplitParagraphs(text, "charter.txt", SplitOptions{}) {
		fmt.Printf("%d-%d %s %q\n", p.Start, p.End, p.Kind, p.Text)
	}
	// Output:
	// 1-1 text "Charter of the Alliance"
	// 3-4 list-item "1.\u00a0First point,\nwrapped."
	// 6-6 list-item "  1. Signatory one"
	// 7-7 list-item "  2. Signatory two"
}

// TestParagraphTextShared: a paragraph's Text is the very bytes of the
// text it was cut from, not a copy, so that hard-wrapped text (the UDHR
// files: three or four lines a paragraph) is not held twice.
func TestParagraphTextShared(t *testing.T) {
	wrapped := "Article 1\n\nAll human beings are born free and equal\nin dignity and rights. They are endowed\nwith reason and conscience and should act\ntowards one another in a spirit of brotherhood.\n\n\n" +
		"Everyone is entitled to all the rights\nand freedoms set forth in this Declaration,\nwithout distinction of any kind.\n"
	md := "---\ntitle: x\n---\n\n# Heading\n\nOne paragraph\nover two lines.\n\n```\ncode\n\nmore code\n```\n\n1. item\n   continued\n"
	for _, tc := range []struct {
		text   string
		format Format
	}{{wrapped, PlainText}, {md, Markdown}} {
		paras := SplitParagraphs(tc.text, "f", SplitOptions{Format: tc.format})
		lines := strings.Split(tc.text, "\n")
		multi := 0
		for _, p := range paras {
			off := 0
			for _, l := range lines[:p.Start-1] {
				off += len(l) + 1
			}
			if p.Text == "" || unsafe.StringData(p.Text) != unsafe.StringData(tc.text[off:]) || p.Text != tc.text[off:off+len(p.Text)] {
				t.Errorf("%v paragraph at lines %d-%d (%q) is not the text's own bytes at offset %d", tc.format, p.Start, p.End, p.Text, off)
			}
			if p.End > p.Start {
				multi++
			}
		}
		if multi < 2 {
			t.Errorf("%v: %d paragraphs of several lines; the test needs two at least", tc.format, multi)
		}
	}
}

// TestSplitManyParagraphs checks that paragraphs come out whole, in
// order, in a slice of their exact number, whether they are one a block
// of lines, a list without blank lines, or fewer than the non-blank lines
// (a code fence).
func TestSplitManyParagraphs(t *testing.T) {
	n := 20_000
	var blank, list strings.Builder
	for i := range n {
		fmt.Fprintf(&blank, "Paragraph %d.\n\n", i)
		fmt.Fprintf(&list, "- Paragraph %d.\n", i)
	}
	fence := "```\n" + strings.Repeat("code\n\n", 200) + "```\n\nAfter.\n"
	for _, tc := range []struct {
		name, text string
		format     Format
		n          int
		line       func(i int) int
	}{
		{"blocks", blank.String(), PlainText, n, func(i int) int { return 2*i + 1 }},
		{"list", list.String(), Markdown, n, func(i int) int { return i + 1 }},
		{"fence", fence, Markdown, 2, nil},
	} {
		paras := SplitParagraphs(tc.text, "f", SplitOptions{Format: tc.format})
		if len(paras) != tc.n || cap(paras) != tc.n {
			t.Fatalf("%s: %d paragraphs with capacity %d, want %d and %d", tc.name, len(paras), cap(paras), tc.n, tc.n)
		}
		for i, p := range paras {
			if tc.line == nil {
				break
			}
			if want := fmt.Sprintf("Paragraph %d.", i); !strings.HasSuffix(p.Text, want) || p.Start != tc.line(i) {
				t.Fatalf("%s: paragraph %d is %q at line %d, want %q at line %d", tc.name, i, p.Text, p.Start, want, tc.line(i))
			}
		}
	}
}

// TestReadOwned checks that ReadOwned's paragraphs share the memory of
// UTF-8 data, its line ends rewritten in place, and that ReadBytes, and
// ReadOwned on data with much spare capacity, copy it.
func TestReadOwned(t *testing.T) {
	const text = "Article 1\n\nAll human beings are born free.\n"
	// in reports whether s lies in the array of data.
	in := func(s string, data []byte) bool {
		p, d := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(&data[:cap(data)][0]))
		return p >= d && p < d+uintptr(cap(data))
	}
	for _, tc := range []struct {
		name  string
		data  []byte
		owned bool
		share bool
	}{
		{"owned", []byte(text), true, true},
		{"owned with BOM", []byte("\ufeff" + text), true, true},
		{"copied", []byte(text), false, false},
		{"owned with CRLF", []byte(strings.ReplaceAll(text, "\n", "\r\n")), true, true},
		{"owned with lone CR", []byte(strings.ReplaceAll(text, "\n", "\r")), true, true},
		{"copied with CRLF", []byte(strings.ReplaceAll(text, "\n", "\r\n")), false, false},
		{"owned with spare capacity", append(make([]byte, 0, 4*len(text)), text...), true, false},
	} {
		read := ReadBytes
		if tc.owned {
			read = ReadOwned
		}
		doc, err := read(tc.data, "f", ReadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Paragraphs) != 2 || doc.Paragraphs[1].Text != "All human beings are born free." {
			t.Fatalf("%s: paragraphs %+v", tc.name, doc.Paragraphs)
		}
		for _, p := range doc.Paragraphs {
			if got := in(p.Text, tc.data); got != tc.share {
				t.Errorf("%s: paragraph %q in data's memory: %v, want %v", tc.name, p.Text, got, tc.share)
			}
		}
	}
}
