// Package docgen makes synthetic document sets for the corpus-scale tests
// and measurements of paralign stream and paralign-beam: versions of the
// repository's fixtures cut to a window of their numbered sections, with
// sections shuffled or dropped in some languages, written as per-language
// files or as one combined file, named by path or given inline.
//
// Every set is written to disk too, so that paralign align can run on it
// alone and its rows be compared with the stream's.
package docgen

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/paralign/paralign/corpus"
)

// Options say what to generate. The zero value makes no set.
type Options struct {
	N    int    // number of document sets
	Seed uint64 // the same seed gives the same sets, byte for byte
	// Langs are the languages the sets are made of, in column order; nil:
	// en and ru.
	Langs []corpus.Lang
	// Whole is the share of sets (0–1) that are a fixture as it is (the
	// combined Kazakhstan statement, the HTML page) rather than a window;
	// zero: none.
	Whole float64
}

// Set is one generated document set.
type Set struct {
	Doc string
	// Files are its inputs: one per language, or one combined (Lang Und).
	// Path is where the bytes are, Inline that the stream line gives them
	// as "text" (named Path).
	Files []File
	// Line is the set as a line of paralign stream's input, without the
	// newline.
	Line []byte
}

// File is one input of a set.
type File struct {
	Lang   corpus.Lang
	Path   string
	Inline bool
}

// AlignArgs are the arguments of paralign align on the set alone: the
// combined file, or one --input LANG=PATH per version.
func (s Set) AlignArgs() []string {
	if len(s.Files) == 1 && s.Files[0].Lang == corpus.Und {
		return []string{s.Files[0].Path}
	}
	var args []string
	for _, f := range s.Files {
		args = append(args, "--input", f.Lang.String()+"="+f.Path)
	}
	return args
}

// Sizes of a window, in numbered sections: small enough that 200 sets
// align in seconds, large enough that shuffling and dropping leave
// sections to match.
const (
	minWindow = 2
	maxWindow = 8
)

// Chances, per set or per language of a set, of each variation.
const (
	dropChance     = 0.3 // a language loses one section of the window
	shuffleChance  = 0.3 // a language has two sections swapped
	titleChance    = 0.5 // the versions keep their title and preamble
	combinedChance = 0.4 // the versions are one combined file
	inlineChance   = 0.5 // the stream line gives the text, not the path
)

// version is one language of a fixture cut into its head (title and
// preamble) and its numbered sections, each a list of paragraphs.
type version struct {
	lang     corpus.Lang
	head     []string
	sections [][]string
}

// fixture is the versions of one source document, in Options.Langs order.
type fixture struct {
	name string
	vers []version
}

// sectionStart matches the first line of a numbered section in the
// fixtures: "1. ", "Article 1", "Статья 1", "Artículo 1", "Artikel 1".
var sectionStart = regexp.MustCompile(`^(\d+\.\s|(Article|Статья|Artículo|Artikel)\s+\d+)`)

// Generate writes opts.N document sets under dir (made when missing)
// from the fixtures under testdata (the repository's testdata folder),
// each set's files named dir/docs/NNNNN..., and returns them.
func Generate(testdata, dir string, opts Options) ([]Set, error) {
	langs := opts.Langs
	if len(langs) == 0 {
		langs = []corpus.Lang{"en", "ru"}
	}
	var fixtures []fixture
	for _, name := range []string{"charter", "udhr-nltk"} {
		f, err := loadFixture(filepath.Join(testdata, name), name, langs)
		if err != nil {
			return nil, err
		}
		if len(f.vers) >= 2 {
			fixtures = append(fixtures, f)
		}
	}
	if len(fixtures) == 0 {
		return nil, fmt.Errorf("%s: no fixture has two of the languages %v", testdata, langs)
	}
	abs, err := filepath.Abs(testdata)
	if err != nil {
		return nil, err
	}
	wholes := []string{filepath.Join(abs, "kazakhstan-2022", "combined.txt"), filepath.Join(abs, "html", "statement.html")}
	docs := filepath.Join(dir, "docs")
	if err := os.MkdirAll(docs, 0o777); err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 14))
	var sets []Set
	for i := range opts.N {
		doc := fmt.Sprintf("doc%05d", i)
		var s Set
		var err error
		if rng.Float64() < opts.Whole {
			s, err = wholeSet(doc, wholes[rng.IntN(len(wholes))])
		} else {
			s, err = windowSet(doc, docs, fixtures[rng.IntN(len(fixtures))], rng)
		}
		if err != nil {
			return nil, err
		}
		sets = append(sets, s)
	}
	return sets, nil
}

// loadFixture reads DIR/LANG.txt for each language, decoded to UTF-8.
func loadFixture(dir, name string, langs []corpus.Lang) (fixture, error) {
	f := fixture{name: name}
	for _, l := range langs {
		p := filepath.Join(dir, l.String()+".txt")
		data, err := os.ReadFile(p)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return f, err
		}
		dec, err := corpus.Decode(data, p, "")
		if err != nil {
			return f, err
		}
		v := version{lang: l}
		for _, para := range strings.Split(strings.TrimSpace(dec.Text), "\n\n") {
			para = strings.Trim(para, "\n")
			switch {
			case para == "":
			case sectionStart.MatchString(para):
				v.sections = append(v.sections, []string{para})
			case len(v.sections) == 0:
				v.head = append(v.head, para)
			default:
				last := len(v.sections) - 1
				v.sections[last] = append(v.sections[last], para)
			}
		}
		if len(v.sections) > 0 {
			f.vers = append(f.vers, v)
		}
	}
	return f, nil
}

// windowSet makes a set of a window of a fixture's sections.
func windowSet(doc, dir string, f fixture, rng *rand.Rand) (Set, error) {
	n := len(f.vers[0].sections)
	for _, v := range f.vers {
		n = min(n, len(v.sections))
	}
	size := min(n, minWindow+rng.IntN(maxWindow-minWindow+1))
	start := rng.IntN(n - size + 1)
	title := rng.Float64() < titleChance
	texts := make([]string, len(f.vers))
	for k, v := range f.vers {
		secs := slices.Clone(v.sections[start : start+size])
		if len(secs) > 1 && rng.Float64() < dropChance {
			i := rng.IntN(len(secs))
			secs = slices.Delete(secs, i, i+1)
		}
		if len(secs) > 1 && rng.Float64() < shuffleChance {
			i := rng.IntN(len(secs) - 1)
			secs[i], secs[i+1] = secs[i+1], secs[i]
		}
		var paras []string
		if title {
			paras = append(paras, v.head...)
		}
		for _, s := range secs {
			paras = append(paras, s...)
		}
		texts[k] = strings.Join(paras, "\n\n") + "\n"
	}
	s := Set{Doc: doc}
	inline := rng.Float64() < inlineChance
	if rng.Float64() < combinedChance {
		p := filepath.Join(dir, doc+".txt")
		if err := os.WriteFile(p, []byte(strings.Join(texts, "\n")), 0o666); err != nil {
			return s, err
		}
		s.Files = []File{{Path: p, Inline: inline}}
	} else {
		for k, v := range f.vers {
			p := filepath.Join(dir, doc+"."+v.lang.String()+".txt")
			if err := os.WriteFile(p, []byte(texts[k]), 0o666); err != nil {
				return s, err
			}
			s.Files = append(s.Files, File{Lang: v.lang, Path: p, Inline: inline && k%2 == 0})
		}
	}
	return s, s.makeLine()
}

// wholeSet makes a set of a fixture as it is, named by its path.
func wholeSet(doc, src string) (Set, error) {
	s := Set{Doc: doc, Files: []File{{Path: src}}}
	return s, s.makeLine()
}

// streamFile is a file as a stream line gives it.
type streamFile struct {
	Text *string `json:"text,omitempty"`
	Path string  `json:"path,omitempty"`
	Name string  `json:"name,omitempty"`
}

// makeLine sets s.Line, reading the inline files' text back.
func (s *Set) makeLine() error {
	file := func(f File) (streamFile, error) {
		if !f.Inline {
			return streamFile{Path: f.Path}, nil
		}
		data, err := os.ReadFile(f.Path)
		if err != nil {
			return streamFile{}, err
		}
		text := string(data)
		return streamFile{Text: &text, Name: f.Path}, nil
	}
	line := struct {
		Doc      string                `json:"doc"`
		Files    map[string]streamFile `json:"files,omitempty"`
		Combined *streamFile           `json:"combined,omitempty"`
	}{Doc: s.Doc}
	if len(s.Files) == 1 && s.Files[0].Lang == corpus.Und {
		f, err := file(s.Files[0])
		if err != nil {
			return err
		}
		line.Combined = &f
	} else {
		line.Files = map[string]streamFile{}
		for _, f := range s.Files {
			sf, err := file(f)
			if err != nil {
				return err
			}
			line.Files[f.Lang.String()] = sf
		}
	}
	data, err := json.Marshal(line)
	if err != nil {
		return err
	}
	s.Line = data
	return nil
}
