// Package dict reads bilingual dictionaries for sentence alignment: the
// user's own word lists (tab-separated, or hunalign's "target @ source"),
// FreeDict's dictd files as Debian installs them, and the compact form
// that `paralign dict import` writes.
//
// A dictionary is a list of word pairs; align.NewDictionary makes it ready
// for the aligner.
package dict

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pemistahl/lingua-go"

	"github.com/paralign/paralign/corpus"
)

// List is a bilingual word list.
type List struct {
	// From and To are the languages of the first and second word of each
	// pair; Und when the file does not say.
	From, To corpus.Lang
	// Pairs are (From word, To word) pairs; a side may be a phrase.
	Pairs [][2]string
}

// header opens the compact form: "# paralign dictionary de fr".
const header = "# paralign dictionary"

// Load reads the dictionary at path: a dictd index (NAME.index, its
// NAME.dict.dz or NAME.dict beside it) or a text word list.
func Load(path string) (*List, error) {
	if strings.HasSuffix(path, ".index") {
		return ReadDictd(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadText(f, path)
}

// ReadText reads a word list, one pair a line, in one of three forms:
//
//	word<TAB>translation          (a tab-separated list; phrases allowed)
//	translation @ word            (hunalign's dictionary: target @ source)
//	# paralign dictionary de fr   (a first line naming the two languages)
//
// Empty lines and lines starting with # are skipped. Without a language
// line, the languages are taken from the file name when it holds a pair
// such as "de-fr" ("names.de-fr.tsv"), else left Und. A line with neither
// a tab nor " @ " is an error naming the file and line.
func ReadText(r io.Reader, name string) (*List, error) {
	l := &List{}
	l.From, l.To = langsFromName(name)
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(strings.TrimPrefix(sc.Text(), "\ufeff"), "\r")
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("%s:%d: not UTF-8", name, n)
		}
		if rest, ok := strings.CutPrefix(line, header); ok {
			f := strings.Fields(rest)
			if len(f) != 2 {
				return nil, fmt.Errorf("%s:%d: want %q followed by two language codes", name, n, header)
			}
			from, err1 := corpus.ParseLang(f[0])
			to, err2 := corpus.ParseLang(f[1])
			if err := errors.Join(err1, err2); err != nil {
				return nil, fmt.Errorf("%s:%d: %w", name, n, err)
			}
			l.From, l.To = from, to
			continue
		}
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var src, tgt string
		if a, b, ok := strings.Cut(line, "\t"); ok {
			src, tgt = a, b
		} else if a, b, ok := strings.Cut(line, " @ "); ok {
			src, tgt = b, a
		} else {
			return nil, fmt.Errorf("%s:%d: want word<TAB>translation or hunalign's translation @ word, got %q", name, n, clip(line))
		}
		src, tgt = strings.TrimSpace(src), strings.TrimSpace(tgt)
		if src == "" || tgt == "" {
			return nil, fmt.Errorf("%s:%d: a side of the pair is empty", name, n)
		}
		l.Pairs = append(l.Pairs, [2]string{src, tgt})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return l, nil
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

var pairName = regexp.MustCompile(`(?:^|[^a-z])([a-z]{2,3})-([a-z]{2,3})(?:[^a-z]|$)`)

// langsFromName finds a language pair in a file name: "de-fr" or FreeDict's
// "deu-fra".
func langsFromName(name string) (from, to corpus.Lang) {
	m := pairName.FindAllStringSubmatch(strings.ToLower(filepath.Base(name)), -1)
	for k := len(m) - 1; k >= 0; k-- {
		a, b := codeLang(m[k][1]), codeLang(m[k][2])
		if a.IsLanguage() && b.IsLanguage() {
			return a, b
		}
	}
	return corpus.Und, corpus.Und
}

// codeLang reads an ISO 639-1 or 639-3 code that lingua-go knows.
func codeLang(code string) corpus.Lang {
	switch len(code) {
	case 2:
		if lingua.GetIsoCode639_1FromValue(code) != lingua.UnknownIsoCode639_1 {
			return corpus.Lang(code)
		}
	case 3:
		for _, lang := range lingua.AllLanguages() {
			if strings.EqualFold(lang.IsoCode639_3().String(), code) {
				return corpus.Lang(strings.ToLower(lang.IsoCode639_1().String()))
			}
		}
	}
	return corpus.Und
}

// iso6393 returns the ISO 639-3 code of l, as FreeDict names its files.
func iso6393(l corpus.Lang) string {
	code := lingua.GetIsoCode639_1FromValue(string(l))
	for _, lang := range lingua.AllLanguages() {
		if lang.IsoCode639_1() == code {
			return strings.ToLower(lang.IsoCode639_3().String())
		}
	}
	return ""
}

// Write writes l in the compact form: a language line, then one
// word<TAB>translation pair a line, sorted, without repeats.
func (l *List) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%s %s %s\n", header, l.From, l.To)
	pairs := slices.Clone(l.Pairs)
	slices.SortFunc(pairs, func(a, b [2]string) int {
		if c := strings.Compare(a[0], b[0]); c != 0 {
			return c
		}
		return strings.Compare(a[1], b[1])
	})
	pairs = slices.Compact(pairs)
	for _, p := range pairs {
		fmt.Fprintf(bw, "%s\t%s\n", p[0], p[1])
	}
	return bw.Flush()
}

// Reverse returns l with its languages swapped.
func (l *List) Reverse() *List {
	out := &List{From: l.To, To: l.From, Pairs: make([][2]string, len(l.Pairs))}
	for k, p := range l.Pairs {
		out.Pairs[k] = [2]string{p[1], p[0]}
	}
	return out
}

// FreeDictName returns the name FreeDict gives its dictionary from one
// language to another, "freedict-deu-fra" for de, fr; "" when either has
// no ISO 639-3 code lingua-go knows. Debian's package is dict-NAME.
func FreeDictName(from, to corpus.Lang) string {
	a, b := iso6393(from), iso6393(to)
	if a == "" || b == "" {
		return ""
	}
	return "freedict-" + a + "-" + b
}

// DictdDir is where Debian's dict-freedict-* packages install.
const DictdDir = "/usr/share/dictd"

// Auto looks in dir (DictdDir in the command) for FreeDict dictionaries
// between from and to, in both directions, and returns their pairs merged,
// from → to, with the paths it read. It returns nil and no error when
// none is installed.
func Auto(dir string, from, to corpus.Lang) (*List, []string, error) {
	if FreeDictName(from, to) == "" {
		return nil, nil, nil
	}
	var out *List
	var used []string
	for k, name := range []string{FreeDictName(from, to), FreeDictName(to, from)} {
		path := filepath.Join(dir, name+".index")
		if _, err := os.Stat(path); err != nil {
			continue
		}
		l, err := ReadDictd(path)
		if err != nil {
			return nil, nil, err
		}
		if k == 1 {
			l = l.Reverse()
		}
		used = append(used, path)
		if out == nil {
			out = &List{From: from, To: to}
		}
		out.Pairs = append(out.Pairs, l.Pairs...)
	}
	return out, used, nil
}

// ReadDictd reads a dictd dictionary: the index at path (headword, offset
// and length in dictd's base 64, tab-separated) and the entries in the
// .dict.dz (gzip; dictzip is gzip with a random-access table) or .dict
// file beside it. Entries are read as FreeDict writes them: a headword
// line, then the translations, comma-separated, on the line after it and
// on the lines opening with a sense number ("2. chambre"); the lines of
// definitions and examples between them are skipped.
func ReadDictd(path string) (*List, error) {
	base := strings.TrimSuffix(path, ".index")
	data, err := readDictData(base)
	if err != nil {
		return nil, err
	}
	index, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	l := &List{}
	l.From, l.To = langsFromName(base)
	for n, line := range strings.Split(string(index), "\n") {
		if line == "" {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("%s:%d: want headword, offset and length separated by tabs", path, n+1)
		}
		if strings.HasPrefix(f[0], "00database") || strings.HasPrefix(f[0], "00-database") {
			continue
		}
		off, ok1 := b64(f[1])
		size, ok2 := b64(f[2])
		if !ok1 || !ok2 || off+size > len(data) {
			return nil, fmt.Errorf("%s:%d: bad offset or length %q %q", path, n+1, f[1], f[2])
		}
		l.Pairs = appendEntry(l.Pairs, data[off:off+size])
	}
	return l, nil
}

func readDictData(base string) ([]byte, error) {
	if f, err := os.Open(base + ".dict.dz"); err == nil {
		defer f.Close()
		z, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s.dict.dz: %w", base, err)
		}
		data, err := io.ReadAll(z)
		if err != nil {
			return nil, fmt.Errorf("%s.dict.dz: %w", base, err)
		}
		return data, nil
	}
	return os.ReadFile(base + ".dict")
}

// b64 decodes a dictd number: base 64 digits, most significant first.
func b64(s string) (int, bool) {
	const digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	v := 0
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(digits, s[i])
		if d < 0 || v > 1<<40 {
			return 0, false
		}
		v = v*64 + d
	}
	return v, s != ""
}

var (
	senseNumber = regexp.MustCompile(`^[0-9]+\. `)
	trailNumber = regexp.MustCompile(` [0-9]+\.$`)
	parens      = regexp.MustCompile(`\([^)]*\)|<[^>]*>|\[[^\]]*\]`)
)

// appendEntry appends the pairs of one dictd entry.
func appendEntry(pairs [][2]string, entry []byte) [][2]string {
	lines := bytes.Split(entry, []byte("\n"))
	if len(lines) < 2 {
		return pairs
	}
	head := string(lines[0])
	if i := strings.IndexAny(head, "/<"); i >= 0 {
		head = head[:i]
	}
	head = strings.TrimSpace(head)
	if head == "" {
		return pairs
	}
	for k, b := range lines[1:] {
		line := string(b)
		if loc := senseNumber.FindStringIndex(line); loc != nil {
			line = line[loc[1]:]
		} else if k > 0 || strings.HasPrefix(line, " ") {
			continue
		}
		line = trailNumber.ReplaceAllString(line, "")
		line = parens.ReplaceAllString(line, "")
		for _, t := range strings.Split(line, ",") {
			t = strings.TrimSpace(t)
			if t == "" || strings.ContainsAny(t, "#;:") || !hasLetter(t) {
				continue
			}
			pairs = append(pairs, [2]string{head, t})
		}
	}
	return pairs
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
