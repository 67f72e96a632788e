// Package view renders aligned versions side by side as one
// self-contained HTML page: a column per language, a row per aligned unit,
// empty cells marked, and notes (the findings of a comparison) shown in
// their row with the text they point at highlighted.
package view

import (
	"cmp"
	"html/template"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
)

// Note is one remark on a row, such as a finding of a comparison.
type Note struct {
	Row      string      // the row id the note belongs to
	Lang     corpus.Lang // the column it is about; Und for the row as a whole
	Severity string      // "error", "warning" or "info"
	Check    string
	Message  string
	// Marks are literal strings to highlight in the cell of Lang (and, when
	// they also occur there, in the pivot's cell). A mark ending in "…"
	// is the shortened start of a sentence: it lights up from there to the
	// sentence's end.
	Marks []string
}

// Page is what WritePage renders.
type Page struct {
	Title string
	Langs []corpus.Lang // column order
	Pivot corpus.Lang   // marked in the header; Und for none
	Rows  []align.Row   // cells in Langs order
	Notes []Note
	// Summary lines shown under the title, such as finding counts.
	Summary []string
}

type cellView struct {
	Lang    string
	Empty   bool
	Label   string // shown in an empty cell
	Parts   []part
	Classes string
}

type part struct {
	Text string
	Mark bool
}

type rowView struct {
	ID      string
	Anchor  string
	Kind    string
	Cells   []cellView
	Notes   []Note
	Worst   string
	Missing bool
}

type pageView struct {
	Title   string
	Langs   []string
	Pivot   string
	Summary []string
	Rows    []rowView
	Counts  []countView
}

type countView struct {
	Severity string
	N        int
}

var severityRank = map[string]int{"error": 0, "warning": 1, "info": 2}

// WritePage writes the page as one HTML document with its style inline:
// no scripts, fonts or images are fetched, so it opens offline and can be
// mailed as it is.
func WritePage(w io.Writer, p Page) error {
	pv := pageView{Title: p.Title, Pivot: p.Pivot.String(), Summary: p.Summary}
	for _, l := range p.Langs {
		pv.Langs = append(pv.Langs, l.String())
	}
	byRow := map[string][]Note{}
	counts := map[string]int{}
	for _, n := range p.Notes {
		byRow[n.Row] = append(byRow[n.Row], n)
		counts[n.Severity]++
	}
	for _, s := range []string{"error", "warning", "info"} {
		if counts[s] > 0 {
			pv.Counts = append(pv.Counts, countView{s, counts[s]})
		}
	}
	for _, r := range p.Rows {
		notes := byRow[r.ID]
		slices.SortStableFunc(notes, func(a, b Note) int { return cmp.Compare(severityRank[a.Severity], severityRank[b.Severity]) })
		rv := rowView{ID: r.ID, Anchor: "s-" + anchorID(r.ID), Kind: r.Kind.String(), Notes: notes}
		if len(notes) > 0 {
			rv.Worst = notes[0].Severity
		}
		for v, c := range r.Cells {
			lang := corpus.Und
			if v < len(p.Langs) {
				lang = p.Langs[v]
			}
			cv := cellView{Lang: lang.String(), Empty: c.Empty()}
			if cv.Empty && r.Kind == align.Unnumbered {
				// a dateline or signatory list printed once: no gap
				cv.Classes, cv.Label = "absent", "—"
			} else if cv.Empty {
				rv.Missing = true
				cv.Classes, cv.Label = "missing", "missing"
				for _, n := range notes {
					if n.Lang == lang {
						cv.Classes += " sev-" + n.Severity
						break
					}
				}
			} else {
				var marks []string
				for _, n := range notes {
					if n.Lang == lang || lang == p.Pivot {
						marks = append(marks, n.Marks...)
					}
				}
				cv.Parts = highlight(c.Text(), marks)
			}
			rv.Cells = append(rv.Cells, cv)
		}
		pv.Rows = append(pv.Rows, rv)
	}
	return pageTemplate.Execute(w, pv)
}

// highlight cuts text into parts, marking every occurrence of the marks
// (longest first where they overlap).
func highlight(text string, marks []string) []part {
	marks = slices.DeleteFunc(slices.Clone(marks), func(m string) bool { return strings.TrimSpace(m) == "" })
	if len(marks) == 0 {
		return []part{{Text: text}}
	}
	slices.SortFunc(marks, func(a, b string) int { return cmp.Compare(len(b), len(a)) })
	var out []part
	plain := 0
	for i := 0; i < len(text); {
		end := -1
		for _, m := range marks {
			start, open := strings.CutSuffix(m, "…")
			if start == "" || !strings.HasPrefix(text[i:], start) {
				continue
			}
			j := i + len(start)
			if open {
				j = sentenceEnd(text, j)
			}
			if boundary(text, i, j) {
				end = j
				break
			}
		}
		if end < 0 {
			i++
			continue
		}
		if plain < i {
			out = append(out, part{Text: text[plain:i]})
		}
		out = append(out, part{Text: text[i:end], Mark: true})
		i = end
		plain = i
	}
	if plain < len(text) {
		out = append(out, part{Text: text[plain:]})
	}
	return out
}

// sentenceEnd returns the end of the sentence that goes on at byte i of
// text: after the first ".", "!", "?" or "…" (and closing quotes or
// brackets) followed by white space or the end of text; len(text) when
// there is none.
func sentenceEnd(text string, i int) int {
	for k := i; k < len(text); {
		r, size := utf8.DecodeRuneInString(text[k:])
		k += size
		if !strings.ContainsRune(".!?…", r) {
			continue
		}
		for k < len(text) {
			r, size := utf8.DecodeRuneInString(text[k:])
			if !strings.ContainsRune(`"')]”»’`, r) {
				break
			}
			k += size
		}
		if k == len(text) || text[k] == ' ' {
			return k
		}
	}
	return len(text)
}

// boundary reports whether text[i:j] is not part of a longer word or
// number: a mark "3" does not light up in "30".
func boundary(text string, i, j int) bool {
	alnum := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	if i > 0 && i < len(text) {
		before, _ := utf8.DecodeLastRuneInString(text[:i])
		first, _ := utf8.DecodeRuneInString(text[i:])
		if alnum(before) && alnum(first) {
			return false
		}
	}
	if j > 0 && j < len(text) {
		last, _ := utf8.DecodeLastRuneInString(text[:j])
		after, _ := utf8.DecodeRuneInString(text[j:])
		if alnum(last) && alnum(after) {
			return false
		}
	}
	return true
}

func anchorID(id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	return b.String()
}

var pageTemplate = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
:root { --err: #b3261e; --warn: #8a5a00; --info: #3b5b8c; --line: #d7d7d7; }
body { font: 15px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.3rem; margin: 0 0 .3rem; }
.summary { margin: 0 0 1rem; color: #444; }
.summary span { margin-right: 1rem; }
.count { font-weight: 600; padding: 0 .4rem; border-radius: 3px; }
.count.error { color: #fff; background: var(--err); }
.count.warning { color: #fff; background: var(--warn); }
.count.info { color: #fff; background: var(--info); }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid var(--line); padding: .45rem .6rem; vertical-align: top; text-align: left; }
th { background: #f3f3f3; position: sticky; top: 0; }
th.id, td.id { width: 4.5rem; font-family: ui-monospace, monospace; font-size: .85rem; }
td.id a { color: inherit; text-decoration: none; }
tr.sev-error td.id { border-left: 5px solid var(--err); }
tr.sev-warning td.id { border-left: 5px solid var(--warn); }
tr.sev-info td.id { border-left: 5px solid var(--info); }
td.missing { background: repeating-linear-gradient(45deg, #fbeaea, #fbeaea 8px, #fff 8px, #fff 16px); color: var(--err); font-style: italic; }
td.absent { color: #999; }
mark { background: #ffe08a; padding: 0 .1rem; border-radius: 2px; }
tr.notes td { background: #fafafa; font-size: .9rem; }
ul.notes { margin: 0; padding-left: 1.2rem; }
.sev { font-weight: 600; text-transform: uppercase; font-size: .75rem; letter-spacing: .03em; }
.sev.error { color: var(--err); } .sev.warning { color: var(--warn); } .sev.info { color: var(--info); }
code { font-size: .85rem; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
<p class="summary">{{range .Counts}}<span class="count {{.Severity}}">{{.N}} {{.Severity}}</span>{{end}}{{range .Summary}}<span>{{.}}</span>{{end}}</p>
<table>
<thead><tr><th class="id">id</th>{{range .Langs}}<th lang="{{.}}">{{.}}{{if eq . $.Pivot}} (pivot){{end}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr id="{{.Anchor}}"{{if .Worst}} class="sev-{{.Worst}}"{{end}}><td class="id"><a href="#{{.Anchor}}">{{.ID}}</a></td>{{range .Cells}}{{if .Empty}}<td class="{{.Classes}}" lang="{{.Lang}}">{{.Label}}</td>{{else}}<td lang="{{.Lang}}">{{range .Parts}}{{if .Mark}}<mark>{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}</td>{{end}}{{end}}</tr>
{{if .Notes}}<tr class="notes"><td></td><td colspan="{{len .Cells}}"><ul class="notes">{{range .Notes}}<li><span class="sev {{.Severity}}">{{.Severity}}</span> <code>{{.Check}}</code>{{if .Lang}} [{{.Lang}}]{{end}}: {{.Message}}</li>{{end}}</ul></td></tr>
{{end}}{{end}}</tbody>
</table>
</body>
</html>
`))
