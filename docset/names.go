package docset

import (
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/langid"
)

// InputExts are the extensions of the files a folder's documents are
// read from; any other file in a folder is skipped and listed. A file
// named on the command line is read whatever its extension.
var InputExts = []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".odt"}

// langSeps are the characters that set a language code off at the end of
// a file name: name.en.md, name_en.txt, name-ru.html.
const langSeps = "._-"

// A Namer says the document and language a file's name gives, by the
// rules of paralign's batch mode: name.en.md, name_en.txt, name-ru.html,
// en/name.md, name/ru.docx. A code counts when it is among Langs or an
// ISO 639-1 code lingua knows, so report-2022.txt and notes_v2.md name no
// language.
type Namer struct {
	Langs []corpus.Lang
}

// Code returns the language a name part is the code of: two letters,
// among --langs or known to lingua. "2022", "v2" and "xx" are no codes.
func (g Namer) Code(s string) (corpus.Lang, bool) {
	if len(s) != 2 {
		return corpus.Und, false
	}
	l, err := corpus.ParseLang(s)
	if err != nil || !l.IsLanguage() {
		return corpus.Und, false
	}
	if slices.Contains(g.Langs, l) {
		return l, true
	}
	return l, langid.Known(l)
}

// Stem returns a file name without its extension (one of InputExts, or
// the last one).
func Stem(name string) string {
	ext := filepath.Ext(name)
	return strings.TrimSuffix(name, ext)
}

// Place returns the document and language the name of a file says: rel
// is its slash-separated path inside the folder it was found in (for a
// file named on the command line, the path as given), root the folder's
// own name (for name/ru.docx found at the folder's top). named reports
// whether the name carried a language at all.
func (g Namer) Place(rel, root string) (doc string, lang corpus.Lang, named bool) {
	dir, base := path.Split(rel)
	dir = strings.TrimSuffix(dir, "/")
	st := Stem(base)
	// name/ru.docx: the file is the language, the folder the document
	if l, ok := g.Code(st); ok {
		if dir == "" {
			return root, l, true
		}
		return dir, l, true
	}
	// name.en.md, name_en.txt, name-ru.html
	if i := strings.LastIndexAny(st, langSeps); i > 0 {
		if l, ok := g.Code(st[i+1:]); ok {
			return path.Join(dir, st[:i]), l, true
		}
	}
	// en/name.md: the folder is the language
	if dir != "" {
		if l, ok := g.Code(path.Base(dir)); ok {
			return path.Join(path.Dir(dir), st), l, true
		}
	}
	return path.Join(dir, st), corpus.Und, false
}

// SkipReason says why a file a folder holds is not an input; "" when it
// is one.
func SkipReason(name string) string {
	switch {
	case strings.HasPrefix(name, "."):
		return "hidden file"
	case strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".bak"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return "editor backup"
	case !slices.Contains(InputExts, strings.ToLower(filepath.Ext(name))):
		return "unknown extension"
	}
	return ""
}
