package align

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/paralign/paralign/corpus"
)

// TestSplitVersions cuts documents written as runs of labelled paragraphs.
// Each run is "lang:letters", "lang:letters:h" for a heading or
// "none:0:fm" for front matter; the versions are given as their languages
// and paragraph counts.
func TestSplitVersions(t *testing.T) {
	tests := []struct {
		name   string
		runs   string
		want   string
		reason string
	}{
		{"versions one after another", "en:900 ru:950 es:1000", "en:1 ru:1 es:1", ""},
		{"quoted announcement stays in place", "en:1800 de:700 en:180 de:430 en:3500", "en:5",
			"blog-mixed-en-de: a German event announcement, cut by an English line, inside an English page"},
		{"untranslated passage in the last version", "en:3000 es:3000 en:400 es:600", "en:1 es:3", ""},
		{"names list in the next language's neighbour stays with its version", "en:2000 ru:2000 en:60 es:20 de:2000 es:2000", "en:1 ru:3 de:1 es:1",
			"a signatory list of English names (and one Spanish) closes the Russian version; the tail must not swallow the Russian version nor start the German one"},
		{"a version before a short tail in the first language", "en:2000 de:2000 en:500", "en:1 de:1 en:1",
			"an appendix in English after the German version is no reason to fold German into English"},
		{"a short heading opens the next version", "en:2000 de:30:h de:2000", "en:1 de:2", ""},
		{"a short heading misdetected at the boundary opens the next version", "en:2000 es:30:h de:2000", "en:1 de:2", ""},
		{"a short stray line at the start joins the first version", "de:20 en:2000 ru:2000", "en:2 ru:1", ""},
		{"an untranslated section before the version's short last one", "en:4000 ru:2900 en:330 ru:230 es:3500", "en:1 ru:3 es:1",
			"the seed statement with its Russian §7 left in English: the short Russian §8 after it must not join the English §7"},
		{"a section pasted from the previous version", "en:4000 ru:3500 es:1300 ru:395 es:2200", "en:1 ru:1 es:3",
			"the seed statement with the Spanish §4 pasted from the Russian version: the Spanish §1–3 before it are no inclusion in Russian"},
		{"one language", "en:500", "en:1", ""},
		{"front matter opens the next version", "none:0:fm en:2000 none:0:fm de:30:h de:2000", "en:2 de:3",
			"issue 9, class 10: front matter stands at the top of a version's page; mid-file it joined the version before"},
		{"front matter before an unlabelled heading", "en:2000 none:0:fm und:12:h ru:2000", "en:1 ru:3",
			"issue 9, class 10: front matter and the headings after it open the version together"},
		{"a line without letters still closes its version", "es:2000 none:0 de:2000", "es:2 de:1",
			"a date or a number closing a version is no front matter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var paras []corpus.Paragraph
			for i, r := range strings.Fields(tt.runs) {
				parts := strings.Split(r, ":")
				n, err := strconv.Atoi(parts[1])
				if err != nil {
					t.Fatalf("run %q: %v", r, err)
				}
				p := corpus.Paragraph{File: "f.txt", Start: 2*i + 1, End: 2*i + 1, Kind: corpus.Text, Text: strings.Repeat("a", n)}
				switch {
				case len(parts) > 2 && parts[2] == "fm":
					p.Kind = corpus.FrontMatter
				case len(parts) > 2:
					p.Kind = corpus.Heading
				}
				if p.Lang, err = corpus.ParseLang(parts[0]); err != nil {
					t.Fatalf("run %q: %v", r, err)
				}
				paras = append(paras, p)
			}
			vers := SplitVersions("f.txt", paras)
			checkVersions(t, paras, vers)
			var got []string
			for _, v := range vers {
				got = append(got, fmt.Sprintf("%s:%d", v.Lang, len(v.Paras)))
			}
			if diff := cmp.Diff(tt.want, strings.Join(got, " ")); diff != "" {
				t.Errorf("SplitVersions(%s) mismatch (-want +got):\n%s", tt.runs, diff)
			}
		})
	}
}
