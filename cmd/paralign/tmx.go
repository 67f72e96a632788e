package main

import (
	"encoding/xml"
	"io"

	"github.com/paralign/paralign/align"
	"github.com/paralign/paralign/corpus"
)

// TMX 1.4b, the translation-memory exchange format: one translation unit
// per row that two or more of the languages written have text in.
type tmxDoc struct {
	XMLName xml.Name  `xml:"tmx"`
	Version string    `xml:"version,attr"`
	Header  tmxHeader `xml:"header"`
	Units   []tmxUnit `xml:"body>tu"`
}

type tmxHeader struct {
	CreationTool        string `xml:"creationtool,attr"`
	CreationToolVersion string `xml:"creationtoolversion,attr"`
	SegType             string `xml:"segtype,attr"`
	OTMF                string `xml:"o-tmf,attr"`
	AdminLang           string `xml:"adminlang,attr"`
	SrcLang             string `xml:"srclang,attr"`
	DataType            string `xml:"datatype,attr"`
}

type tmxUnit struct {
	ID string `xml:"tuid,attr"`
	// SrcLang is set on a unit without the header's source language, so
	// no reader takes another of its languages for its source.
	SrcLang  string       `xml:"srclang,attr,omitempty"`
	Variants []tmxVariant `xml:"tuv"`
}

type tmxVariant struct {
	Lang string `xml:"xml:lang,attr"`
	Seg  string `xml:"seg"`
}

// tmxSegType is the header's segtype for each --by.
var tmxSegType = map[align.Unit]string{align.BySection: "block", align.ByParagraph: "paragraph", align.BySentence: "sentence"}

// tmxSpec says what one TMX file holds.
type tmxSpec struct {
	unit align.Unit
	// cols are the versions written, the source first (the header's
	// srclang), then the others in column order.
	cols []int
	// locale maps a language to the tag written as xml:lang and srclang
	// (en → en-US); a language it lacks is written as its code.
	locale map[corpus.Lang]string
}

// tmxCols returns the columns of a TMX with source src holding the
// versions of langs: src first, then the others in column order.
func tmxCols(src int, others []int) []int {
	cols := []int{src}
	for _, v := range others {
		if v != src {
			cols = append(cols, v)
		}
	}
	return cols
}

// writeRowsTMX writes the rows with text in two or more of spec's
// columns as TMX translation units: tuid the row id, the segments' text
// as in TSV, the source's variant first. A unit the source has no text in
// names its own srclang, its first variant's. Rows with text in one
// language only are not translation units; the lossless form is JSONL.
func writeRowsTMX(w io.Writer, vers []align.Version, rows []align.Row, spec tmxSpec) error {
	tag := func(v int) string {
		if t, ok := spec.locale[vers[v].Lang]; ok {
			return t
		}
		return vers[v].Lang.String()
	}
	doc := tmxDoc{Version: "1.4", Header: tmxHeader{
		CreationTool: "paralign", CreationToolVersion: buildVersion(), SegType: tmxSegType[spec.unit],
		OTMF: "paralign", AdminLang: "en", SrcLang: tag(spec.cols[0]), DataType: "plaintext",
	}}
	for _, r := range rows {
		u := tmxUnit{ID: r.ID}
		for _, v := range spec.cols {
			if c := r.Cells[v]; !c.Empty() {
				u.Variants = append(u.Variants, tmxVariant{Lang: tag(v), Seg: c.Text()})
			}
		}
		if len(u.Variants) < 2 {
			continue
		}
		if u.Variants[0].Lang != doc.Header.SrcLang {
			u.SrcLang = u.Variants[0].Lang
		}
		doc.Units = append(doc.Units, u)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
