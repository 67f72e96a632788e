package main

import (
	"bufio"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/docset"
)

// A batch is the inputs of a run grouped into documents by name: each
// document is one or more files, each file a language version (lang set)
// or a combined document (lang Und). Files a folder holds that are no
// input (hidden files, editor backups, unknown extensions) are skipped
// and listed with the reason, so ls shows them.
type batch struct {
	docs    []*docGroup
	skipped []skippedFile
}

// docGroup is one document of a batch.
type docGroup struct {
	name  string   // slash-separated, relative to the folder it was found in; names its output file
	files []source // in name order; lang Und for a combined file
	// conflict says why the document cannot run (two files claiming one
	// language); empty when it can.
	conflict string
}

// skippedFile is a file a folder holds that the run does not read.
type skippedFile struct {
	path   string
	reason string
}

// grouper names the languages file names may carry: the codes of --langs
// and any ISO 639-1 code lingua knows (docset.Namer, which paralign-beam
// shares).
type grouper struct {
	langs []corpus.Lang
}

func (g grouper) code(s string) (corpus.Lang, bool) { return docset.Namer{Langs: g.langs}.Code(s) }

func (g grouper) place(rel, root string) (doc string, lang corpus.Lang, named bool) {
	return docset.Namer{Langs: g.langs}.Place(rel, root)
}

// outside says why a file named in language l is left out of a run: l
// is not among --langs, so no column takes it. "" when it is, or for a
// combined file (Und).
func (g grouper) outside(l corpus.Lang) string {
	if l == corpus.Und || slices.Contains(g.langs, l) {
		return ""
	}
	return fmt.Sprintf("%s is not among --langs (%s)", l, joinLangs(g.langs))
}

func stem(name string) string { return docset.Stem(name) }

func skipReason(name string) string { return docset.SkipReason(name) }

// walkDir lists the input files under dir, slash-separated paths
// relative to it, in name order, and the files it skips. A
// subdirectory's hidden files are skipped as well; symbolic links are
// listed as files (reading a broken one fails its document only).
func walkDir(dir string, skipped *[]skippedFile) ([]string, error) {
	var rels []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			*skipped = append(*skipped, skippedFile{path: p, reason: plainPathError(err).Error()})
			return nil
		}
		if p == dir {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if strings.HasPrefix(name, ".") {
				*skipped = append(*skipped, skippedFile{path: p, reason: "hidden folder"})
				return filepath.SkipDir
			}
			return nil
		}
		if r := skipReason(name); r != "" {
			*skipped = append(*skipped, skippedFile{path: p, reason: r})
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		rels = append(rels, filepath.ToSlash(rel))
		return nil
	})
	return rels, err
}

// rootName is the name of the folder a path lies in, for a document
// whose files are named by language only (charter/en.txt).
func rootName(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	return filepath.Base(abs)
}

// groupByName groups FILE and DIR arguments into documents by name.
// named reports whether any name carried a language code: FILE arguments
// whose names say nothing are one document's versions, as before batches.
func (g grouper) groupByName(args []string) (b *batch, named bool, err error) {
	b = &batch{}
	byName := map[string]*docGroup{}
	add := func(doc string, s source) {
		d := byName[doc]
		if d == nil {
			d = &docGroup{name: doc}
			byName[doc] = d
			b.docs = append(b.docs, d)
		}
		d.files = append(d.files, s)
	}
	for _, a := range args {
		info, err := os.Stat(a)
		if err == nil && info.IsDir() {
			rels, err := walkDir(a, &b.skipped)
			if err != nil {
				return nil, false, fmt.Errorf("%s: %w", quoteName(a), plainPathError(err))
			}
			root := rootName(a)
			for _, rel := range rels {
				doc, l, n := g.place(rel, root)
				named = named || n
				p := filepath.Join(a, filepath.FromSlash(rel))
				if r := g.outside(l); r != "" {
					b.skipped = append(b.skipped, skippedFile{path: p, reason: r})
					continue
				}
				add(doc, source{path: p, lang: l})
			}
			continue
		}
		// a file named on the command line (or one that is missing, which
		// reading it reports): its own name and the folder it lies in
		doc, l, n := g.place(path.Base(filepath.ToSlash(a)), rootName(filepath.Dir(a)))
		if !n {
			if d := path.Base(filepath.ToSlash(filepath.Dir(a))); d != "." && d != "/" {
				if dl, ok := g.code(d); ok {
					doc, l, n = stem(filepath.Base(a)), dl, true
				}
			}
		}
		named = named || n
		if r := g.outside(l); r != "" {
			b.skipped = append(b.skipped, skippedFile{path: a, reason: r})
			continue
		}
		add(doc, source{path: a, lang: l})
	}
	b.finish()
	return b, named, nil
}

// finish sorts the documents by name and their files by path, and marks
// a document two of whose files claim one language.
func (b *batch) finish() {
	slices.SortFunc(b.docs, func(x, y *docGroup) int { return strings.Compare(x.name, y.name) })
	for _, d := range b.docs {
		slices.SortFunc(d.files, func(x, y source) int {
			return cmp.Or(strings.Compare(x.path, y.path), strings.Compare(string(x.lang), string(y.lang)))
		})
		seen := map[corpus.Lang]string{}
		for _, f := range d.files {
			if f.lang == corpus.Und {
				continue
			}
			if prev, ok := seen[f.lang]; ok && d.conflict == "" {
				d.conflict = fmt.Sprintf("%s and %s both claim %s (%s); rename one or list the files in a --manifest", quoteName(prev), quoteName(f.path), langName(f.lang), f.lang)
			}
			seen[f.lang] = f.path
		}
	}
	slices.SortFunc(b.skipped, func(x, y skippedFile) int { return strings.Compare(x.path, y.path) })
}

// groupPattern is a --group pattern compiled: {name} and {lang} are
// placeholders, * any run of characters but /, the rest literal.
type groupPattern struct {
	re *regexp.Regexp
}

func compileGroup(pat string) (*groupPattern, error) {
	if !strings.Contains(pat, "{name}") {
		return nil, usagef("--group %q: want a pattern with {name} (and {lang}), such as 'statements/{name}.{lang}.txt'", pat)
	}
	var b strings.Builder
	b.WriteString(`(?:^|/)`)
	for rest := pat; rest != ""; {
		switch {
		case strings.HasPrefix(rest, "{name}"):
			b.WriteString(`(?P<name>[^/]+?)`)
			rest = rest[len("{name}"):]
		case strings.HasPrefix(rest, "{lang}"):
			b.WriteString(`(?P<lang>[A-Za-z]{2})`)
			rest = rest[len("{lang}"):]
		case rest[0] == '*':
			b.WriteString(`[^/]*`)
			rest = rest[1:]
		default:
			i := strings.IndexAny(rest[1:], "{*") + 1
			if i == 0 {
				i = len(rest)
			}
			b.WriteString(regexp.QuoteMeta(rest[:i]))
			rest = rest[i:]
		}
	}
	b.WriteString(`$`)
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, usagef("--group %q: %v", pat, err)
	}
	return &groupPattern{re: re}, nil
}

// groupByPattern groups the files under the arguments by a --group
// pattern, matched against the end of each file's path: files it does
// not match are skipped and listed.
func (g grouper) groupByPattern(p *groupPattern, args []string) (*batch, error) {
	b := &batch{}
	byName := map[string]*docGroup{}
	try := func(full, rel string) {
		m := p.re.FindStringSubmatch(rel)
		if m == nil {
			b.skipped = append(b.skipped, skippedFile{path: full, reason: "does not match --group"})
			return
		}
		name := m[p.re.SubexpIndex("name")]
		l := corpus.Und
		if i := p.re.SubexpIndex("lang"); i >= 0 {
			var ok bool
			if l, ok = g.code(m[i]); !ok {
				b.skipped = append(b.skipped, skippedFile{path: full, reason: fmt.Sprintf("%q is not a language code", m[i])})
				return
			}
			if r := g.outside(l); r != "" {
				b.skipped = append(b.skipped, skippedFile{path: full, reason: r})
				return
			}
		}
		d := byName[name]
		if d == nil {
			d = &docGroup{name: name}
			byName[name] = d
			b.docs = append(b.docs, d)
		}
		d.files = append(d.files, source{path: full, lang: l})
	}
	for _, a := range args {
		info, err := os.Stat(a)
		if err == nil && info.IsDir() {
			rels, err := walkDir(a, &b.skipped)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", quoteName(a), plainPathError(err))
			}
			for _, rel := range rels {
				try(filepath.Join(a, filepath.FromSlash(rel)), rel)
			}
			continue
		}
		try(a, filepath.ToSlash(a))
	}
	b.finish()
	return b, nil
}

// readManifest reads a --manifest: TSV lines "document, lang, path"
// (lang empty, - or und for a combined document), # comments and blank
// lines ignored, an optional header "document\tlang\tpath". A relative
// path is relative to the manifest's folder.
func (g grouper) readManifest(name string) (*batch, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", quoteName(name), plainPathError(err))
	}
	defer f.Close()
	b := &batch{}
	byName := map[string]*docGroup{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if n == 1 && len(cols) == 3 && cols[0] == "document" && cols[1] == "lang" && cols[2] == "path" {
			continue
		}
		perr := func(format string, args ...any) error {
			return usagef("--manifest %s", &corpus.ParseError{File: name, Line: n, Err: fmt.Errorf(format, args...)})
		}
		if len(cols) != 3 || cols[0] == "" || cols[2] == "" {
			return nil, perr("want three tab-separated columns: document, lang, path")
		}
		l := corpus.Und
		if c := cols[1]; c != "" && c != "-" && c != "und" {
			var ok bool
			if l, ok = g.code(c); !ok {
				return nil, perr("unknown language code %q %s", c, langCodeHint)
			}
			if r := g.outside(l); r != "" {
				return nil, perr("%s", r)
			}
		}
		p := cols[2]
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(name), p)
		}
		d := byName[cols[0]]
		if d == nil {
			d = &docGroup{name: cols[0]}
			byName[cols[0]] = d
			b.docs = append(b.docs, d)
		}
		d.files = append(d.files, source{path: p, lang: l})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", quoteName(name), err)
	}
	if len(b.docs) == 0 {
		return nil, usagef("--manifest %s: lists no document", quoteName(name))
	}
	b.finish()
	return b, nil
}

// errNoBatch says the inputs are one document, run as before batches.
var errNoBatch = errors.New("one document")
