package view

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
)

func TestHighlight(t *testing.T) {
	tests := []struct {
		text  string
		marks []string
		want  []part
	}{
		{"about 30 years", nil, []part{{Text: "about 30 years"}}},
		{"about 30 years", []string{"30"}, []part{{Text: "about "}, {Text: "30", Mark: true}, {Text: " years"}}},
		{"in 1930 and 30", []string{"30"}, []part{{Text: "in 1930 and "}, {Text: "30", Mark: true}}},
		{"1 500,5 рублей", []string{"1 500,5", "500"}, []part{{Text: "1 500,5", Mark: true}, {Text: " рублей"}}},
		{"see https://a.example/x", []string{"https://a.example/x"}, []part{{Text: "see "}, {Text: "https://a.example/x", Mark: true}}},
		{"ОДКБ и НАТО", []string{"НАТО"}, []part{{Text: "ОДКБ и "}, {Text: "НАТО", Mark: true}}},
		// a shortened quotation lights up its whole sentence (the seed's
		// deleted sentence was marked only as far as its quotation went)
		{"Rights. We salute the workers, who were the heart of it. Next.", []string{"We salute the…"},
			[]part{{Text: "Rights. "}, {Text: "We salute the workers, who were the heart of it.", Mark: true}, {Text: " Next."}}},
		{"Он сказал: «Мы за 1.500 рублей…» и ушёл", []string{"Мы за…"},
			[]part{{Text: "Он сказал: «"}, {Text: "Мы за 1.500 рублей…»", Mark: true}, {Text: " и ушёл"}}},
		{"no end to this one", []string{"end to…"}, []part{{Text: "no "}, {Text: "end to this one", Mark: true}}},
	}
	for _, tt := range tests {
		var spans []span
		for _, m := range tt.marks {
			spans = append(spans, span{text: m})
		}
		if diff := cmp.Diff(tt.want, highlight(tt.text, spans)); diff != "" {
			t.Errorf("highlight(%q, %q) (-want +got):\n%s", tt.text, tt.marks, diff)
		}
	}
	// a reference span is marked as one
	want := []part{{Text: "about "}, {Text: "30", Mark: true, Ref: true}, {Text: " years"}}
	if diff := cmp.Diff(want, highlight("about 30 years", []span{{"30", true}})); diff != "" {
		t.Errorf("highlight of a reference span (-want +got):\n%s", diff)
	}
}

// TestCellSpans: a note's marks light up in the cell of their language,
// the faulty version's as the fault and the pivot's as the reference; a
// mark of no language in either cell that has it, never in a third.
func TestCellSpans(t *testing.T) {
	notes := []Note{{Row: "1", Lang: "es", Marks: []Mark{{Lang: "en", Text: "30"}, {Lang: "es", Text: "35"}, {Text: "We salute…"}}}}
	tests := []struct {
		lang corpus.Lang
		want []span
	}{
		{"en", []span{{"30", true}, {"We salute…", true}}},
		{"es", []span{{"35", false}, {"We salute…", false}}},
		{"ru", nil},
	}
	for _, tt := range tests {
		got := cellSpans(notes, tt.lang, "en")
		if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(span{})); diff != "" {
			t.Errorf("cellSpans(%s) mismatch (-want +got):\n%s", tt.lang, diff)
		}
	}
}

// samplePage has three languages, a section missing in one, a finding
// with a number to highlight, and text that must be escaped.
func samplePage() Page {
	para := func(text string) []corpus.Paragraph { return []corpus.Paragraph{{Text: text}} }
	return Page{
		Title: "Sample <statement>",
		Langs: []corpus.Lang{"en", "ru", "es"},
		Pivot: "en",
		Rows: []align.Row{
			{ID: "1", Kind: align.Numbered, Cells: []align.Cell{
				{Paras: para("1. About 30 years after the dissolution of the USSR.")},
				{Paras: para("1. Спустя 30 лет после распада СССР.")},
				{Paras: para("1. Unos 35 años después de la disolución de la URSS.")},
			}},
			{ID: "2", Kind: align.Numbered, Cells: []align.Cell{
				{Paras: para("2. The second point <script>alert(1)</script>.")},
				{Paras: para("2. Второй пункт.")},
				{},
			}},
		},
		Notes: []Note{
			{Row: "1", Lang: "es", Severity: "error", Check: "number-missing", Message: "`30` in en §1, not in es; es has `35`", Marks: []Mark{{"en", "30"}, {"es", "35"}}},
			{Row: "2", Lang: "es", Severity: "error", Check: "missing-section", Message: "§2 is missing in es"},
			{Row: "2", Lang: "ru", Severity: "info", Check: "length-ratio", Message: "§2 in ru is short"},
		},
	}
}

func TestWritePage(t *testing.T) {
	var b bytes.Buffer
	if err := WritePage(&b, samplePage()); err != nil {
		t.Fatal(err)
	}
	html := b.String()
	for _, want := range []string{
		"<title>Sample &lt;statement&gt;</title>",
		`<th lang="en">en (pivot)</th>`,
		`<tr id="s-1" class="sev-error">`,
		`<td lang="es">1. Unos <mark>35</mark> años`,
		`<td lang="en">1. About <mark class="ref">30</mark> years`,
		`<td lang="ru">1. Спустя 30 лет`,
		`<td class="missing sev-error" lang="es">missing</td>`,
		`<li class="sev-error chk-number_missing"><a href="#s-1">§1</a>`,
		`<input type="radio" name="filter" class="filter" id="f-all" checked>`,
		`<label for="f-sev-info" class="info"><b>1</b>info</label>`,
		`<label for="f-chk-length_ratio"><b>1</b>length-ratio</label>`,
		"#f-sev-error:checked ~ ol.findings li:not(.sev-error) { display: none; }",
		"#f-chk-number_missing:checked ~ ol.findings li:not(.chk-number_missing) { display: none; }",
		`<span class="missing">missing</span> the language has no such unit`,
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		"<code>number-missing</code> [es]: `30` in en §1, not in es; es has `35`",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// self-contained: nothing is fetched
	for _, bad := range []string{"<script", "<link", "src=", "url(", "@import"} {
		if strings.Contains(html, bad) {
			t.Errorf("page contains %q: it must need no other file", bad)
		}
	}
}

// TestChromium renders the sample page in headless Chromium and looks at
// the screenshot as a reader would: there is text, the missing cell is
// shaded, and the highlighted number is marked. It is skipped when no
// Chromium is installed (.ci/run installs Debian's package).
func TestChromium(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium or chromium-browser on PATH")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	var b bytes.Buffer
	if err := WritePage(&b, samplePage()); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "page.png")
	if err := Screenshot(bin, page, shot, 1000, 400); err != nil {
		t.Fatal(err)
	}
	img := readPNG(t, shot)
	ink, missing, mark := 0, 0, 0
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			r, g, b = r>>8, g>>8, b>>8
			switch {
			case r < 100 && g < 100 && b < 100:
				ink++
			case near(r, 0xfb) && near(g, 0xea) && near(b, 0xea):
				missing++
			case near(r, 0xff) && near(g, 0xe0) && near(b, 0x8a):
				mark++
			}
		}
	}
	t.Logf("dark pixels %d, missing-cell shading %d, highlight %d", ink, missing, mark)
	if ink < 2000 {
		t.Errorf("only %d dark pixels: the text is not visible", ink)
	}
	if missing < 200 {
		t.Errorf("only %d pixels of the missing-cell shading", missing)
	}
	if mark < 50 {
		t.Errorf("only %d pixels of highlight", mark)
	}
}

// TestChromiumFilter checks that the badges filter the findings list in
// a browser: with the info badge chosen, the error finding's red label is
// gone from the list (the error badge keeps its red). The page is
// rendered twice, the second time with that badge's radio button checked
// as a click would check it.
func TestChromiumFilter(t *testing.T) {
	bin := chromium()
	if bin == "" {
		t.Skip("no chromium or chromium-browser on PATH")
	}
	p := samplePage()
	p.Rows = nil // the list alone: no row borders in the finding colours
	var b bytes.Buffer
	if err := WritePage(&b, p); err != nil {
		t.Fatal(err)
	}
	all := b.String()
	info := strings.Replace(strings.Replace(all, `id="f-all" checked>`, `id="f-all">`, 1), `id="f-sev-info">`, `id="f-sev-info" checked>`, 1)
	if info == all {
		t.Fatal("the page has no info badge to choose")
	}
	red := func(html string) int {
		dir := t.TempDir()
		page, shot := filepath.Join(dir, "page.html"), filepath.Join(dir, "page.png")
		if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := Screenshot(bin, page, shot, 1000, 300); err != nil {
			t.Fatal(err)
		}
		img := readPNG(t, shot)
		n := 0
		for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
			for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
				r, g, b, _ := img.At(x, y).RGBA()
				if near(r>>8, 0xb3) && near(g>>8, 0x26) && near(b>>8, 0x1e) {
					n++
				}
			}
		}
		return n
	}
	before, after := red(all), red(info)
	t.Logf("error-red pixels: %d with every finding, %d with the info badge chosen", before, after)
	if after == 0 || after >= before-20 {
		t.Errorf("error-red pixels %d → %d: the info badge does not hide the error finding (or the error badge is gone)", before, after)
	}
}

func near(a, b uint32) bool { return a+6 >= b && b+6 >= a }

func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// Screenshot renders an HTML file with headless Chromium into a PNG of
// the given size.
func Screenshot(bin, page, out string, width, height int) error {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	abs, err := filepath.Abs(page)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
		"--user-data-dir="+filepath.Join(filepath.Dir(out), "chromium-profile"),
		"--screenshot="+out, "--window-size="+strconv.Itoa(width)+","+strconv.Itoa(height), "file://"+abs)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return &exec.ExitError{ProcessState: cmd.ProcessState, Stderr: msg}
	}
	return nil
}
