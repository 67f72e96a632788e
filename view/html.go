// Package view renders aligned versions side by side as one
// self-contained HTML page: a column per language, a row per aligned unit,
// empty cells marked, and notes (the findings of a comparison) listed at
// the top, each linking to its row, shown again in their row with the
// text they point at highlighted.
package view

import (
	"cmp"
	"fmt"
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
	// Marks are the spans the note points at, highlighted where they
	// occur: in the cell of Lang, the version at fault, as the fault; in
	// the pivot's cell as the reference it differs from.
	Marks []Mark
}

// Mark is a span of text a note points at.
type Mark struct {
	// Lang is the column whose cell holds the span; Und: the note's Lang
	// or the pivot, whichever cell has it.
	Lang corpus.Lang
	// Text is the span's literal text. A text ending in "…" is the
	// shortened start of a sentence: it lights up from there to the
	// sentence's end.
	Text string
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
	Ref  bool // the pivot's span a fault differs from, not the fault
}

// span is a mark to look for in one cell: its text, and whether it is the
// reference rather than the fault.
type span struct {
	text string
	ref  bool
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
	Title    string
	Langs    []string
	Pivot    string
	Summary  []string
	Rows     []rowView
	Findings []findingView
	Badges   []badgeView
	Filters  template.CSS // the rules that make the badges filter the list
	Missing  bool         // some cell says "missing"
	Absent   bool         // some cell shows "—"
}

// findingView is a note in the list at the top of the page.
type findingView struct {
	Row, Anchor, Severity, Check, Lang, Message string
	Classes                                     string // sev-SEVERITY chk-CHECK: what the badges filter by
}

// badgeView is a count at the top of the page: a label of the radio
// button that shows only its findings.
type badgeView struct {
	ID    string // the radio button's id
	Class string // the finding class it keeps; "" for every finding
	Label string
	Sev   string // the severity it counts, for its colour; "" for a check
	N     int
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
	for _, n := range p.Notes {
		byRow[n.Row] = append(byRow[n.Row], n)
	}
	pv.Findings, pv.Badges, pv.Filters = findingList(p.Notes)
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
				pv.Absent = true
			} else if cv.Empty {
				rv.Missing = true
				pv.Missing = true
				cv.Classes, cv.Label = "missing", "missing"
				for _, n := range notes {
					if n.Lang == lang {
						cv.Classes += " sev-" + n.Severity
						break
					}
				}
			} else {
				cv.Parts = highlight(c.Text(), cellSpans(notes, lang, p.Pivot))
			}
			rv.Cells = append(rv.Cells, cv)
		}
		pv.Rows = append(pv.Rows, rv)
	}
	return pageTemplate.Execute(w, pv)
}

// cellSpans returns the spans the notes of a row point at in the cell of
// lang: a note's marks of that language, and its marks of no language
// when the cell is the note's (the fault) or the pivot's (the reference).
func cellSpans(notes []Note, lang, pivot corpus.Lang) []span {
	var out []span
	for _, n := range notes {
		ref := n.Lang != corpus.Und && lang != n.Lang
		for _, m := range n.Marks {
			if m.Lang == lang || m.Lang == corpus.Und && (lang == n.Lang || lang == pivot) {
				out = append(out, span{m.Text, ref})
			}
		}
	}
	return out
}

// findingList returns the notes as the list at the top of the page, in
// their order, with a badge per severity and per check that keeps only
// its findings, and the style rules that make the badges do so.
func findingList(notes []Note) ([]findingView, []badgeView, template.CSS) {
	if len(notes) == 0 {
		return nil, nil, ""
	}
	var list []findingView
	sev, chk := map[string]int{}, map[string]int{}
	for _, n := range notes {
		list = append(list, findingView{Row: n.Row, Anchor: "s-" + anchorID(n.Row), Severity: n.Severity, Check: n.Check,
			Lang: n.Lang.String(), Message: n.Message, Classes: "sev-" + anchorID(n.Severity) + " chk-" + anchorID(n.Check)})
		sev[n.Severity]++
		chk[n.Check]++
	}
	badges := []badgeView{{ID: "f-all", Label: "all", N: len(notes)}}
	for _, s := range []string{"error", "warning", "info"} {
		if sev[s] > 0 {
			badges = append(badges, badgeView{ID: "f-sev-" + s, Class: "sev-" + s, Label: s, Sev: s, N: sev[s]})
		}
	}
	checks := make([]string, 0, len(chk))
	for c := range chk {
		checks = append(checks, c)
	}
	slices.Sort(checks)
	for _, c := range checks {
		id := anchorID(c)
		badges = append(badges, badgeView{ID: "f-chk-" + id, Class: "chk-" + id, Label: c, N: chk[c]})
	}
	// ids and classes are anchorID's letters, digits and _ (and "-" of our
	// own): nothing in the rules comes from the text unescaped
	var css strings.Builder
	for _, b := range badges {
		fmt.Fprintf(&css, "#%s:checked ~ nav.badges label[for=%s] { box-shadow: 0 0 0 2px #1b1b1b; }\n", b.ID, b.ID)
		if b.Class != "" {
			fmt.Fprintf(&css, "#%s:checked ~ ol.findings li:not(.%s) { display: none; }\n", b.ID, b.Class)
		}
	}
	return list, badges, template.CSS(css.String())
}

// highlight cuts text into parts, marking every occurrence of the spans
// (longest first where they overlap).
func highlight(text string, spans []span) []part {
	spans = slices.DeleteFunc(slices.Clone(spans), func(m span) bool { return strings.TrimSpace(m.text) == "" })
	if len(spans) == 0 {
		return []part{{Text: text}}
	}
	slices.SortStableFunc(spans, func(a, b span) int { return cmp.Compare(len(b.text), len(a.text)) })
	var out []part
	plain := 0
	for i := 0; i < len(text); {
		end, ref := -1, false
		for _, m := range spans {
			start, open := strings.CutSuffix(m.text, "…")
			if start == "" || !strings.HasPrefix(text[i:], start) {
				continue
			}
			j := i + len(start)
			if open {
				j = sentenceEnd(text, j)
			}
			if boundary(text, i, j) {
				end, ref = j, m.ref
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
		out = append(out, part{Text: text[i:end], Mark: true, Ref: ref})
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
input.filter { position: absolute; opacity: 0; pointer-events: none; }
nav.badges { margin: 0 0 .5rem; display: flex; flex-wrap: wrap; gap: .35rem; }
nav.badges label { cursor: pointer; padding: .1rem .5rem; border-radius: 3px; background: #ececec; font-size: .85rem; }
nav.badges label b { font-weight: 600; margin-right: .25rem; }
nav.badges label.error { color: #fff; background: var(--err); }
nav.badges label.warning { color: #fff; background: var(--warn); }
nav.badges label.info { color: #fff; background: var(--info); }
ol.findings { margin: 0 0 1rem; padding: .4rem .6rem .4rem 2.4rem; max-height: 40vh; overflow: auto; border: 1px solid var(--line); font-size: .9rem; }
ol.findings li { margin: .1rem 0; }
ol.findings a { font-family: ui-monospace, monospace; }
.legend { margin: 0 0 1rem; color: #444; font-size: .9rem; }
.legend span { display: inline-block; padding: 0 .4rem; margin: 0 .2rem 0 .8rem; border: 1px solid var(--line); }
.legend span:first-child { margin-left: 0; }
{{.Filters}}
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border: 1px solid var(--line); padding: .45rem .6rem; vertical-align: top; text-align: left; }
th { background: #f3f3f3; position: sticky; top: 0; }
th.id, td.id { width: 4.5rem; font-family: ui-monospace, monospace; font-size: .85rem; }
td.id a { color: inherit; text-decoration: none; }
tr.sev-error td.id { border-left: 5px solid var(--err); }
tr.sev-warning td.id { border-left: 5px solid var(--warn); }
tr.sev-info td.id { border-left: 5px solid var(--info); }
.missing { background: repeating-linear-gradient(45deg, #fbeaea, #fbeaea 8px, #fff 8px, #fff 16px); color: var(--err); font-style: italic; }
.absent { color: #999; }
tr { scroll-margin-top: 3rem; }
tr:target td { background: #fff6d6; }
mark { background: #ffe08a; padding: 0 .1rem; border-radius: 2px; }
mark.ref { background: none; border-bottom: 2px dotted var(--warn); border-radius: 0; }
tr.notes td { background: #fafafa; font-size: .9rem; }
ul.notes { margin: 0; padding-left: 1.2rem; }
.sev { font-weight: 600; text-transform: uppercase; font-size: .75rem; letter-spacing: .03em; }
.sev.error { color: var(--err); } .sev.warning { color: var(--warn); } .sev.info { color: var(--info); }
code { font-size: .85rem; }
</style>
</head>
<body>
<h1>{{.Title}}</h1>
{{if .Summary}}<p class="summary">{{range .Summary}}<span>{{.}}</span>{{end}}</p>
{{end}}{{if .Findings}}{{range $i, $b := .Badges}}<input type="radio" name="filter" class="filter" id="{{.ID}}"{{if eq $i 0}} checked{{end}}>
{{end}}<nav class="badges">{{range .Badges}}<label for="{{.ID}}"{{if .Sev}} class="{{.Sev}}"{{end}}><b>{{.N}}</b>{{.Label}}</label>{{end}}</nav>
<ol class="findings">
{{range .Findings}}<li class="{{.Classes}}"><a href="#{{.Anchor}}">§{{.Row}}</a> <span class="sev {{.Severity}}">{{.Severity}}</span> <code>{{.Check}}</code>{{if .Lang}} [{{.Lang}}]{{end}}: {{.Message}}</li>
{{end}}</ol>
{{end}}{{if or .Missing .Absent}}<p class="legend">{{if .Missing}}<span class="missing">missing</span> the language has no such unit{{end}}{{if .Absent}}<span class="absent">—</span> a block printed in one language only (dateline, signatures): no counterpart expected{{end}}</p>
{{end}}<table>
<thead><tr><th class="id">id</th>{{range .Langs}}<th lang="{{.}}">{{.}}{{if eq . $.Pivot}} (pivot){{end}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr id="{{.Anchor}}"{{if .Worst}} class="sev-{{.Worst}}"{{end}}><td class="id"><a href="#{{.Anchor}}">{{.ID}}</a></td>{{range .Cells}}{{if .Empty}}<td class="{{.Classes}}" lang="{{.Lang}}">{{.Label}}</td>{{else}}<td lang="{{.Lang}}">{{range .Parts}}{{if .Mark}}<mark{{if .Ref}} class="ref"{{end}}>{{.Text}}</mark>{{else}}{{.Text}}{{end}}{{end}}</td>{{end}}{{end}}</tr>
{{if .Notes}}<tr class="notes"><td></td><td colspan="{{len .Cells}}"><ul class="notes">{{range .Notes}}<li><span class="sev {{.Severity}}">{{.Severity}}</span> <code>{{.Check}}</code>{{if .Lang}} [{{.Lang}}]{{end}}: {{.Message}}</li>{{end}}</ul></td></tr>
{{end}}{{end}}</tbody>
</table>
</body>
</html>
`))
