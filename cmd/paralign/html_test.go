package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestHTMLPageVersions aligns a page written for the tests: English site
// menus, a language switch, a cookie banner and a footer around a
// statement in Russian, Spanish and German. The furniture must be
// unnumbered rows and decide no version's language.
func TestHTMLPageVersions(t *testing.T) {
	out := runCLI(t, "align", "--format", "jsonl", "../../testdata/html/statement.html")
	type row struct {
		ID    string `json:"id"`
		Kind  string `json:"kind"`
		Cells map[string]struct {
			Paragraphs []struct {
				Lang  string `json:"lang"`
				Start int    `json:"start"`
			} `json:"paragraphs"`
		} `json:"cells"`
	}
	var ids []string
	langsOf := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r row
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
		for col, c := range r.Cells {
			for _, p := range c.Paragraphs {
				if r.Kind != "unnumbered" && p.Lang != col {
					t.Errorf("row %s: a paragraph at line %d of the %s column is labelled %s", r.ID, p.Start, col, p.Lang)
				}
			}
			langsOf[r.ID] = append(langsOf[r.ID], col)
		}
	}
	want := []string{"0+1", "0+2", "0+3", "0+4", "0+5", "title", "preamble", "1", "2", "3", "3+1"}
	if diff := cmp.Diff(want, ids); diff != "" {
		t.Errorf("row ids mismatch (-want +got):\n%s", diff)
	}
	for _, id := range []string{"title", "preamble", "1", "2", "3"} {
		if got := len(langsOf[id]); got != 3 {
			t.Errorf("row %s has %d languages (%v), want ru, es, de", id, got, langsOf[id])
		}
	}
}
