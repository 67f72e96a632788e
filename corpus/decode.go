package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding/charmap"
)

// ErrUnknownEncoding is returned, wrapped, by Decode when it is given an
// encoding name it does not know. It is a usage problem, not a fault of the
// input, so it does not come in a *ParseError.
var ErrUnknownEncoding = errors.New("unknown encoding")

// Decoded is the result of Decode.
type Decoded struct {
	// Text is the input as UTF-8, with every CRLF and lone CR turned into
	// LF and a leading byte-order mark removed. U+FEFF elsewhere is kept.
	Text string
	// Encoding is the canonical name of the encoding used, one Decode
	// accepts: "utf-8", "utf-16le", "utf-16be", "windows-1251", "koi8-r",
	// "iso-8859-1", "windows-1252", … Detection reports pure ASCII as
	// "utf-8", and Latin text as "iso-8859-1" unless a byte in 0x80–0x9F
	// makes it "windows-1252". A named "utf-16" or "utf-32" is reported with
	// the byte order used.
	Encoding string
	// BOM reports whether the input started with a byte-order mark.
	BOM bool
	// Warnings says what Decode repaired without failing, one sentence
	// each without the file name: a last character cut off (a truncated
	// file) became U+FFFD.
	Warnings []string
}

// cutWarning is the warning for input cut off inside its last character
// at byte offset off, on the given line.
func cutWarning(enc string, line, off int) string {
	return fmt.Sprintf("line %d: the input ends inside a %s character at byte offset %d (a truncated file?); it is read as U+FFFD", line, enc, off)
}

// Decode turns the raw bytes of a text file into UTF-8 text. name is used
// only in errors.
//
// When enc is "", Decode detects the encoding, in this order: a byte-order
// mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE); valid UTF-8; UTF-16 without a
// byte-order mark, when the positions of the zero bytes say so clearly and
// the text decodes cleanly; UTF-32 or UTF-16 without a byte-order mark by
// structure (Chinese, Japanese, Korean: valid units, no NUL, characters of
// written scripts; see guessUnicodeForm); otherwise the most plausible of the common
// single-byte code pages (windows-1252 or iso-8859-1, windows-1251, koi8-r,
// koi8-u, iso-8859-5, ibm866, windows-1250, iso-8859-2), chosen by how much
// the decoded text looks like Russian, Ukrainian, Bulgarian, German, French,
// Spanish, Polish, Czech and other European languages. A code page is
// never guessed for input that holds valid multi-byte UTF-8 as well as
// invalid bytes, when it is mostly UTF-8 (as many valid multi-byte
// characters as invalid bytes) or has lines of UTF-8 beside lines in
// another encoding (see minMixedUTF8): that is a *ParseError wrapping
// ErrEncoding at the first invalid byte. An incomplete UTF-8, UTF-16 or
// UTF-32 character at the very end (a cut file) becomes U+FFFD, with a
// warning in Decoded.Warnings.
//
// When enc is not "", it names the encoding and detection is skipped. The
// common names and aliases are accepted, in any case and with or without
// punctuation: "utf8", "utf-16" (byte order from the byte-order mark, else
// guessed, else big-endian), "utf-16le", "cp1251", "koi8r", "latin1",
// "cp1252", "cp866", … An unknown name is an error wrapping
// ErrUnknownEncoding. Bytes that are invalid in the named encoding are a
// *ParseError wrapping ErrEncoding, at the line of the first bad byte.
//
// Input that is not text (a known binary signature such as PNG or gzip, NUL
// bytes outside UTF-16, more than 2% C0 control characters other than tab,
// LF, CR and form feed) is a *ParseError wrapping ErrBinary, whether or not
// enc is given. Empty input gives empty Text and no error.
//
// Decode takes time linear in len(data). Beyond the returned text, which
// it writes once, it allocates a small constant amount of memory.
func Decode(data []byte, name, enc string) (Decoded, error) {
	return decode(data, name, enc, false)
}

// decode is Decode; keep lets the text of UTF-8 data be made in data's
// memory (see normalizeUTF8), which saves a copy of the input when the
// caller gives data up (ReadOwned).
func decode(data []byte, name, enc string, keep bool) (Decoded, error) {
	if enc == "" {
		return detect(data, name, keep)
	}
	spec, ok := lookupEncoding(enc)
	if !ok {
		return Decoded{}, fmt.Errorf("%w %q: want a name such as utf-8, utf-16le, windows-1251, koi8-r or iso-8859-1", ErrUnknownEncoding, enc)
	}
	return decodeAs(data, name, spec, keep)
}

// decodeError is a sentinel error with a message of its own.
type decodeError struct {
	msg string
	err error
}

func (e *decodeError) Error() string { return e.msg }
func (e *decodeError) Unwrap() error { return e.err }

func binaryError(name, what string) error {
	return &ParseError{File: name, Err: fmt.Errorf("%w (%s)", ErrBinary, what)}
}

// encodingError reports an invalid byte at offset off (0-based, in the
// whole input) on the given 1-based line.
func encodingError(name string, line int, enc string, off int, detail string) error {
	return &ParseError{File: name, Line: line, Err: &decodeError{
		msg: fmt.Sprintf("invalid %s at byte offset %d: %s", enc, off, detail),
		err: ErrEncoding,
	}}
}

// lineAt returns the 1-based line of byte offset off in data, an
// ASCII-compatible encoding, counting LF, CRLF and lone CR as line ends.
func lineAt(data []byte, off int) int {
	line := 1
	for i := 0; i < off && i < len(data); i++ {
		switch data[i] {
		case '\n':
			line++
		case '\r':
			if i+1 >= len(data) || data[i+1] != '\n' {
				line++
			}
		}
	}
	return line
}

// Encodings.

type encKind uint8

const (
	kindUTF8 encKind = iota
	kindASCII
	kindUTF16 // byte order from the byte-order mark, else guessed
	kindUTF16LE
	kindUTF16BE
	kindUTF32 // byte order from the byte-order mark, else guessed
	kindUTF32LE
	kindUTF32BE
	kindCharmap // an ASCII-compatible single-byte code page
)

type encodingSpec struct {
	name string // canonical
	kind encKind
	cm   *charmap.Charmap // for kindCharmap
}

// namedCharmaps are the single-byte code pages Decode accepts by name. All
// of them are ASCII-compatible. aliases are space-separated, in the form
// normEncodingName gives.
var namedCharmaps = [...]struct {
	name    string
	cm      *charmap.Charmap
	aliases string
}{
	{"windows-1250", charmap.Windows1250, "cp1250 win1250 xcp1250"},
	{"windows-1251", charmap.Windows1251, "cp1251 win1251 xcp1251"},
	{"windows-1252", charmap.Windows1252, "cp1252 win1252 xcp1252"},
	{"windows-1253", charmap.Windows1253, "cp1253 win1253 xcp1253"},
	{"windows-1254", charmap.Windows1254, "cp1254 win1254 xcp1254"},
	{"windows-1255", charmap.Windows1255, "cp1255 win1255 xcp1255"},
	{"windows-1256", charmap.Windows1256, "cp1256 win1256 xcp1256"},
	{"windows-1257", charmap.Windows1257, "cp1257 win1257 xcp1257"},
	{"windows-1258", charmap.Windows1258, "cp1258 win1258 xcp1258"},
	{"iso-8859-1", charmap.ISO8859_1, "latin1 l1 iso885911987 isoir100 cp819 ibm819 cp28591"},
	{"iso-8859-2", charmap.ISO8859_2, "latin2 l2 iso885921987 isoir101 cp28592"},
	{"iso-8859-3", charmap.ISO8859_3, "latin3 l3 isoir109"},
	{"iso-8859-4", charmap.ISO8859_4, "latin4 l4 isoir110"},
	{"iso-8859-5", charmap.ISO8859_5, "cyrillic iso885951988 isoir144 cp28595"},
	{"iso-8859-6", charmap.ISO8859_6, "arabic isoir127"},
	{"iso-8859-7", charmap.ISO8859_7, "greek greek8 isoir126"},
	{"iso-8859-8", charmap.ISO8859_8, "hebrew isoir138"},
	{"iso-8859-9", charmap.ISO8859_9, "latin5 l5 isoir148"},
	{"iso-8859-10", charmap.ISO8859_10, "latin6 l6 isoir157"},
	{"iso-8859-13", charmap.ISO8859_13, "latin7 l7"},
	{"iso-8859-14", charmap.ISO8859_14, "latin8 l8"},
	{"iso-8859-15", charmap.ISO8859_15, "latin9 l9"},
	{"iso-8859-16", charmap.ISO8859_16, "latin10 l10"},
	{"koi8-r", charmap.KOI8R, "koi8 cskoi8r"},
	{"koi8-u", charmap.KOI8U, ""},
	{"ibm866", charmap.CodePage866, "cp866 866 csibm866 dos866"},
	{"ibm437", charmap.CodePage437, "cp437 437 dos437"},
	{"ibm850", charmap.CodePage850, "cp850 850 dos850"},
	{"ibm852", charmap.CodePage852, "cp852 852 dos852"},
	{"macintosh", charmap.Macintosh, "mac macroman xmacroman"},
	{"x-mac-cyrillic", charmap.MacintoshCyrillic, "maccyrillic xmaccyrillic"},
}

// normEncodingName lower-cases an encoding name and drops the punctuation
// that varies between spellings: "ISO_8859-1" and "iso88591" are the same.
func normEncodingName(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch r {
		case '-', '_', ' ', '.', ':':
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

func lookupEncoding(name string) (encodingSpec, bool) {
	n := normEncodingName(name)
	switch n {
	case "utf8":
		return encodingSpec{name: "utf-8", kind: kindUTF8}, true
	case "ascii", "usascii", "ansix341968", "iso646us":
		return encodingSpec{name: "us-ascii", kind: kindASCII}, true
	case "utf16", "ucs2":
		return encodingSpec{name: "utf-16", kind: kindUTF16}, true
	case "utf16le", "ucs2le":
		return encodingSpec{name: "utf-16le", kind: kindUTF16LE}, true
	case "utf16be", "ucs2be":
		return encodingSpec{name: "utf-16be", kind: kindUTF16BE}, true
	case "utf32", "ucs4":
		return encodingSpec{name: "utf-32", kind: kindUTF32}, true
	case "utf32le", "ucs4le":
		return encodingSpec{name: "utf-32le", kind: kindUTF32LE}, true
	case "utf32be", "ucs4be":
		return encodingSpec{name: "utf-32be", kind: kindUTF32BE}, true
	}
	if n == "" {
		return encodingSpec{}, false
	}
	for _, c := range namedCharmaps {
		if n == normEncodingName(c.name) || containsWord(c.aliases, n) {
			return encodingSpec{name: c.name, kind: kindCharmap, cm: c.cm}, true
		}
	}
	return encodingSpec{}, false
}

func containsWord(list, w string) bool {
	for f := range strings.FieldsSeq(list) {
		if f == w {
			return true
		}
	}
	return false
}

// Binary signatures.

var signatures = [...]struct {
	magic string
	what  string
}{
	{"\x89PNG\r\n\x1a\n", "PNG image"},
	{"\x1f\x8b\x08", "gzip archive"},
	{"PK\x03\x04", "zip archive"},
	{"PK\x05\x06", "zip archive"},
	{"PK\x07\x08", "zip archive"},
	{"%PDF-", "PDF document"},
	{"\x7fELF", "ELF executable"},
	{"\xff\xd8\xff", "JPEG image"},
	{"GIF87a", "GIF image"},
	{"GIF89a", "GIF image"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 compound document, such as .doc or .xls"},
	{"\xfd7zXZ\x00", "xz archive"},
	{"\x28\xb5\x2f\xfd", "zstd archive"},
	{"7z\xbc\xaf\x27\x1c", "7z archive"},
	{"Rar!\x1a\x07", "RAR archive"},
}

// signature returns what data is if it starts with a known binary
// signature, else "".
func signature(data []byte) string {
	for _, s := range signatures {
		if len(data) >= len(s.magic) && string(data[:len(s.magic)]) == s.magic {
			return s.what
		}
	}
	if len(data) >= 10 && string(data[:3]) == "BZh" && data[3] >= '1' && data[3] <= '9' && string(data[4:10]) == "1AY&SY" {
		return "bzip2 archive"
	}
	return ""
}

// isTextControl reports whether a C0 control character is usual in text.
func isTextControl(c rune) bool {
	return c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// tooManyControls reports whether ctl control characters other than tab,
// LF, CR and form feed in n characters are too many for text.
func tooManyControls(ctl, n int) bool { return ctl > 0 && ctl*50 > n }

// byteHistogram counts each byte value of data.
func byteHistogram(data []byte) [256]int {
	// Four tables, so that runs of one byte value do not serialise on
	// one counter.
	var h [4][256]int
	i := 0
	for ; i+4 <= len(data); i += 4 {
		h[0][data[i]]++
		h[1][data[i+1]]++
		h[2][data[i+2]]++
		h[3][data[i+3]]++
	}
	for ; i < len(data); i++ {
		h[0][data[i]]++
	}
	for b := range h[0] {
		h[0][b] += h[1][b] + h[2][b] + h[3][b]
	}
	return h[0]
}

// binaryBytes checks the histogram of an ASCII-compatible input for NUL
// bytes and control characters and returns what makes it binary, or "".
func binaryBytes(h *[256]int, n int) string {
	if h[0] > 0 {
		return "NUL bytes"
	}
	ctl := 0
	for c := range 0x20 {
		if !isTextControl(rune(c)) {
			ctl += h[c]
		}
	}
	if tooManyControls(ctl, n) {
		return "control characters"
	}
	return ""
}

// Detection.

var (
	bomUTF8    = "\xef\xbb\xbf"
	bomUTF16LE = "\xff\xfe"
	bomUTF16BE = "\xfe\xff"
	bomUTF32LE = "\xff\xfe\x00\x00"
	bomUTF32BE = "\x00\x00\xfe\xff"
)

// sniffBOM returns the encoding a byte-order mark at the start of data
// announces and the mark's length, or 0.
func sniffBOM(data []byte) (encKind, int) {
	has := func(p string) bool { return len(data) >= len(p) && string(data[:len(p)]) == p }
	switch {
	case has(bomUTF32LE):
		return kindUTF32LE, 4
	case has(bomUTF32BE):
		return kindUTF32BE, 4
	case has(bomUTF8):
		return kindUTF8, 3
	case has(bomUTF16LE):
		return kindUTF16LE, 2
	case has(bomUTF16BE):
		return kindUTF16BE, 2
	}
	return 0, 0
}

func detect(data []byte, name string, keep bool) (Decoded, error) {
	if len(data) == 0 {
		return Decoded{Encoding: "utf-8"}, nil
	}
	if what := signature(data); what != "" {
		return Decoded{}, binaryError(name, what)
	}
	if kind, n := sniffBOM(data); n > 0 {
		if kind == kindUTF8 {
			return decodeUTF8(data, n, name, false, keep)
		}
		return decodeUnicode(data, n, unicodeFormOf(kind), name, false)
	}
	h := byteHistogram(data)
	if h[0] > 0 {
		if le, ok := guessUTF16(data); ok {
			f := unicodeForm{width: 2, le: le}
			if d, err := decodeUnicode(data, 0, f, name, false); err == nil {
				return d, nil
			}
		}
		if f, ok := guessUnicodeForm(data); ok {
			if d, err := decodeUnicode(data, 0, f, name, false); err == nil {
				return d, nil
			}
		}
	}
	if what := binaryBytes(&h, len(data)); what != "" {
		return Decoded{}, binaryError(name, what)
	}
	high := 0
	for c := 0x80; c < 0x100; c++ {
		high += h[c]
	}
	if high == 0 || utf8.Valid(data) {
		return Decoded{Text: normalizeUTF8(data, false, keep), Encoding: "utf-8"}, nil
	}
	first, multi, invalid := scanUTF8(data)
	tail := len(data)-first < utf8.UTFMax && !utf8.FullRune(data[first:])
	switch {
	case tail && multi > 0:
		// A file cut in the middle of a character.
		return Decoded{Text: normalizeUTF8(data[:first], true, keep), Encoding: "utf-8",
			Warnings: []string{cutWarning("UTF-8", lineAt(data, first), first)}}, nil
	case multi >= invalid:
		// UTF-8 with stray bytes (at least as many valid multi-byte
		// characters as invalid bytes; a code page has a valid pair only
		// by accident, far more rarely than an invalid byte, see
		// minMixedUTF8): a guess would garble every other non-ASCII
		// character, so say where the fault is.
		return Decoded{}, encodingError(name, lineAt(data, first), "UTF-8", first, fmt.Sprintf("byte 0x%02x", data[first]))
	}
	if line, n := cleanUTF8Lines(data); n >= minMixedUTF8 {
		// UTF-8 lines and lines in another encoding: any one code page
		// would garble one kind or the other.
		return Decoded{}, encodingError(name, lineAt(data, first), "UTF-8", first,
			fmt.Sprintf("byte 0x%02x; line %d is UTF-8, so the file mixes encodings (convert it, or name one with --encoding)", data[first], line))
	}
	enc, cm := guessSingleByte(data, &h)
	return Decoded{Text: decodeSingleByte(data, cm, &h), Encoding: enc}, nil
}

// decodeAs decodes data in a named encoding.
func decodeAs(data []byte, name string, spec encodingSpec, keep bool) (Decoded, error) {
	if what := signature(data); what != "" {
		return Decoded{}, binaryError(name, what)
	}
	if len(data) == 0 {
		return Decoded{Encoding: spec.name}, nil
	}
	switch spec.kind {
	case kindUTF8:
		n := 0
		if bytes.HasPrefix(data, []byte(bomUTF8)) {
			n = len(bomUTF8)
		}
		return decodeUTF8(data, n, name, true, keep)
	case kindASCII:
		h := byteHistogram(data)
		if what := binaryBytes(&h, len(data)); what != "" {
			return Decoded{}, binaryError(name, what)
		}
		for i, c := range data {
			if c >= utf8.RuneSelf {
				return Decoded{}, encodingError(name, lineAt(data, i), "US-ASCII", i, fmt.Sprintf("byte 0x%02x", c))
			}
		}
		return Decoded{Text: normalizeUTF8(data, false, keep), Encoding: spec.name}, nil
	case kindCharmap:
		h := byteHistogram(data)
		if what := binaryBytes(&h, len(data)); what != "" {
			return Decoded{}, binaryError(name, what)
		}
		// The first byte that the code page leaves undefined.
		first := -1
		for c := 0x80; c < 0x100; c++ {
			if h[c] > 0 && spec.cm.DecodeByte(byte(c)) == utf8.RuneError {
				if i := bytes.IndexByte(data, byte(c)); first < 0 || i < first {
					first = i
				}
			}
		}
		if first >= 0 {
			return Decoded{}, encodingError(name, lineAt(data, first), spec.name, first, fmt.Sprintf("byte 0x%02x is not defined", data[first]))
		}
		return Decoded{Text: decodeSingleByte(data, spec.cm, &h), Encoding: spec.name}, nil
	}
	// UTF-16 and UTF-32.
	f := unicodeForm{width: 2}
	marks := [2]string{bomUTF16LE, bomUTF16BE}
	if spec.kind >= kindUTF32 {
		f.width = 4
		marks = [2]string{bomUTF32LE, bomUTF32BE}
	}
	bom, bomLE := 0, false
	switch {
	case bytes.HasPrefix(data, []byte(marks[0])):
		bom, bomLE = len(marks[0]), true
	case bytes.HasPrefix(data, []byte(marks[1])):
		bom = len(marks[1])
	}
	switch spec.kind {
	case kindUTF16LE, kindUTF32LE:
		f.le = true
	case kindUTF16, kindUTF32:
		switch {
		case bom > 0:
			f.le = bomLE
		case f.width == 2:
			le, ok := guessUTF16(data)
			f.le = ok && le
		default:
			f.le = len(data) >= 4 && data[0] != 0 && data[3] == 0
		}
	}
	if bom > 0 && bomLE != f.le {
		other := unicodeForm{width: f.width, le: bomLE}
		return Decoded{}, encodingError(name, 1, f.displayName(), 0, "the byte-order mark is that of "+other.displayName())
	}
	return decodeUnicode(data, bom, f, name, true)
}

// UTF-8.

// decodeUTF8 decodes data as UTF-8 after a byte-order mark of bom bytes.
// strict: the encoding was named, so a cut last character is an error too.
func decodeUTF8(data []byte, bom int, name string, strict, keep bool) (Decoded, error) {
	body := data[bom:]
	h := byteHistogram(body)
	if what := binaryBytes(&h, len(body)); what != "" {
		return Decoded{}, binaryError(name, what)
	}
	if utf8.Valid(body) {
		return Decoded{Text: normalizeUTF8(body, false, keep), Encoding: "utf-8", BOM: bom > 0}, nil
	}
	first, _, _ := scanUTF8(body)
	if !strict && len(body)-first < utf8.UTFMax && !utf8.FullRune(body[first:]) {
		return Decoded{Text: normalizeUTF8(body[:first], true, keep), Encoding: "utf-8", BOM: bom > 0,
			Warnings: []string{cutWarning("UTF-8", lineAt(data, bom+first), bom+first)}}, nil
	}
	off := bom + first
	detail := fmt.Sprintf("byte 0x%02x", data[off])
	if !utf8.FullRune(body[first:]) {
		detail += ", incomplete character at end of input"
	}
	return Decoded{}, encodingError(name, lineAt(data, off), "UTF-8", off, detail)
}

// scanUTF8 returns the offset of the first invalid byte of data (or -1),
// the number of valid multi-byte characters and the number of invalid
// bytes. It stops counting after maxInvalidScanned invalid bytes, enough to
// tell UTF-8 with stray bytes from another encoding.
func scanUTF8(data []byte) (first, multi, invalid int) {
	const maxInvalidScanned = 1 << 10
	first = -1
	for i := 0; i < len(data) && invalid < maxInvalidScanned; {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			if first < 0 {
				first = i
			}
			invalid++
			i++
			continue
		}
		multi++
		i += size
	}
	return first, multi, invalid
}

// minMixedUTF8 is how many valid multi-byte UTF-8 characters, on lines
// without an invalid byte, make a file that also holds invalid bytes a
// mix of UTF-8 and another encoding rather than a legacy code page: two,
// as in one pair of curly quotes. In a code page a valid UTF-8 pair is an
// accident (a Windows-1251 capital before і or », a Latin-1 capital
// before a guillemet), and a line of such text without any invalid byte
// as well is rarer still, since nearly every other letter of it is one.
const minMixedUTF8 = 2

// cleanUTF8Lines counts the multi-byte characters on the lines of data
// that are valid UTF-8, and returns the first such line (1-based) that
// holds one; 0 and 0 when none does.
func cleanUTF8Lines(data []byte) (first, n int) {
	for line := 1; len(data) > 0; line++ {
		end := bytes.IndexAny(data, "\r\n")
		if end < 0 {
			end = len(data)
		}
		l := data[:end]
		if utf8.Valid(l) {
			if m := utf8.RuneCount(l) - countASCII(l); m > 0 {
				n += m
				if first == 0 {
					first = line
				}
			}
		}
		if end < len(data) && data[end] == '\r' && end+1 < len(data) && data[end+1] == '\n' {
			end++
		}
		data = data[min(end+1, len(data)):]
	}
	return first, n
}

func countASCII(b []byte) int {
	n := 0
	for _, c := range b {
		if c < utf8.RuneSelf {
			n++
		}
	}
	return n
}

// normalizeUTF8 returns valid UTF-8 data as a string with CRLF and lone CR
// turned into LF. cut appends U+FFFD for a character cut off at the end.
// keep: data is the caller's to give up, so the text is made in data's own
// memory (the line ends rewritten in place: the text is never longer)
// rather than in a copy; not with cut, whose U+FFFD may be longer than
// the bytes it replaces.
func normalizeUTF8(data []byte, cut, keep bool) string {
	if !cut && bytes.IndexByte(data, '\r') < 0 {
		if keep && len(data) > 0 {
			return unsafe.String(&data[0], len(data))
		}
		return string(data)
	}
	var out []byte
	if keep && !cut {
		out = data[:0] // writes never pass reads: a line end only shrinks
	} else {
		out = make([]byte, 0, len(data)+utf8.UTFMax)
	}
	for {
		i := bytes.IndexByte(data, '\r')
		if i < 0 {
			out = append(out, data...)
			break
		}
		out = append(out, data[:i]...)
		out = append(out, '\n')
		data = data[i+1:]
		if len(data) > 0 && data[0] == '\n' {
			data = data[1:]
		}
	}
	if cut {
		out = utf8.AppendRune(out, utf8.RuneError)
	}
	if len(out) == 0 {
		return ""
	}
	return unsafe.String(&out[0], len(out)) // out is data's, given up, or this function's own
}

// UTF-16 and UTF-32.

type unicodeForm struct {
	width int // bytes per code unit: 2 or 4
	le    bool
}

func unicodeFormOf(k encKind) unicodeForm {
	switch k {
	case kindUTF16LE:
		return unicodeForm{width: 2, le: true}
	case kindUTF16BE:
		return unicodeForm{width: 2}
	case kindUTF32LE:
		return unicodeForm{width: 4, le: true}
	case kindUTF32BE:
		return unicodeForm{width: 4}
	}
	return unicodeForm{width: 2}
}

func (f unicodeForm) name() string {
	s := "utf-16"
	if f.width == 4 {
		s = "utf-32"
	}
	if f.le {
		return s + "le"
	}
	return s + "be"
}

func (f unicodeForm) displayName() string { return strings.ToUpper(f.name()) }

// unit reads the code unit at the start of p, which holds at least
// f.width bytes.
func (f unicodeForm) unit(p []byte) uint32 {
	if f.width == 2 {
		if f.le {
			return uint32(p[0]) | uint32(p[1])<<8
		}
		return uint32(p[0])<<8 | uint32(p[1])
	}
	if f.le {
		return uint32(p[0]) | uint32(p[1])<<8 | uint32(p[2])<<16 | uint32(p[3])<<24
	}
	return uint32(p[0])<<24 | uint32(p[1])<<16 | uint32(p[2])<<8 | uint32(p[3])
}

// next decodes the character at the start of p. It returns the character
// and its length in bytes, or n == 0 and why p does not start with a
// valid character. cut reports that p ends inside a character.
func (f unicodeForm) next(p []byte) (r rune, n int, why string, cut bool) {
	if len(p) < f.width {
		return 0, 0, "incomplete character at end of input", true
	}
	u := f.unit(p)
	if f.width == 4 {
		if u > unicode.MaxRune || u >= 0xd800 && u < 0xe000 {
			return 0, 0, fmt.Sprintf("invalid code point 0x%x", u), false
		}
		return rune(u), 4, "", false
	}
	switch {
	case u < 0xd800 || u >= 0xe000:
		return rune(u), 2, "", false
	case u >= 0xdc00:
		return 0, 0, fmt.Sprintf("unpaired surrogate U+%04X", u), false
	case len(p) < 4:
		return 0, 0, "incomplete character at end of input", true
	}
	u2 := f.unit(p[2:])
	if u2 < 0xdc00 || u2 >= 0xe000 {
		return 0, 0, fmt.Sprintf("unpaired surrogate U+%04X", u), false
	}
	return 0x10000 + (rune(u)-0xd800)<<10 + rune(u2) - 0xdc00, 4, "", false
}

// decodeUnicode decodes data as UTF-16 or UTF-32 after a byte-order mark
// of bom bytes. strict: the encoding was named, so a cut last character is
// an error too.
func decodeUnicode(data []byte, bom int, f unicodeForm, name string, strict bool) (Decoded, error) {
	body := data[bom:]
	// First pass: validate, count lines for errors, size the output.
	size, nul, ctl, chars, line := 0, 0, 0, 0, 1
	prevCR := false
	var warnings []string
	for i := 0; i < len(body); {
		r, n, why, c := f.next(body[i:])
		if n == 0 {
			if c && !strict {
				size += utf8.UTFMax
				warnings = append(warnings, cutWarning(f.displayName(), line, bom+i))
				break
			}
			return Decoded{}, encodingError(name, line, f.displayName(), bom+i, why)
		}
		i += n
		chars++
		switch {
		case r == 0:
			nul++
		case r < 0x20 && !isTextControl(r):
			ctl++
		case r == '\n':
			if !prevCR {
				line++
			}
		case r == '\r':
			line++
		}
		prevCR = r == '\r'
		size += utf8.RuneLen(r)
	}
	switch {
	case nul > 0:
		return Decoded{}, binaryError(name, "NUL characters")
	case tooManyControls(ctl, chars):
		return Decoded{}, binaryError(name, "control characters")
	}
	// Second pass: write, through a small buffer.
	var b strings.Builder
	b.Grow(size)
	var buf [16 << 10]byte
	w := 0
	prevCR = false
	for i := 0; i < len(body); {
		if w > len(buf)-utf8.UTFMax {
			b.Write(buf[:w])
			w = 0
		}
		r, n, _, _ := f.next(body[i:])
		if n == 0 {
			w += utf8.EncodeRune(buf[w:], utf8.RuneError)
			break
		}
		i += n
		if r == '\n' && prevCR {
			prevCR = false
			continue
		}
		prevCR = r == '\r'
		if prevCR {
			r = '\n'
		}
		if r < utf8.RuneSelf {
			buf[w] = byte(r)
			w++
		} else {
			w += utf8.EncodeRune(buf[w:], r)
		}
	}
	b.Write(buf[:w])
	return Decoded{Text: b.String(), Encoding: f.name(), BOM: bom > 0, Warnings: warnings}, nil
}

// guessUTF16 reports whether data, which has no byte-order mark, looks like
// UTF-16 and in which byte order. Text in a Latin script has a zero high
// byte in most characters; text in another alphabet has one or two high
// bytes (its block and zero, for spaces and digits) in nearly all.
func guessUTF16(data []byte) (le, ok bool) {
	n := len(data) / 2
	if n == 0 {
		return false, false
	}
	var even, odd [256]int
	for i := 0; i+1 < len(data); i += 2 {
		even[data[i]]++
		odd[data[i+1]]++
	}
	leOK := highBytesLike(&odd, &even, n)
	beOK := highBytesLike(&even, &odd, n)
	return leOK, leOK != beOK
}

// minTextShare is the share of characters in the scripts of written text
// (textScripts) that makes bytes without a byte-order mark UTF-16 or
// UTF-32 by structure: 95%. Text has nearly all its characters there;
// the same bytes read in the wrong form or byte order put its line ends
// and spaces (0x0A00, 0x2000…) and much else outside them, and binary
// data fails sooner, on a lone surrogate or a NUL.
const minTextShare = 0.95

// textScripts are the scripts whose characters count as text for
// guessUnicodeForm: the alphabets and syllabaries of living languages,
// and Common (digits, punctuation, spaces) and Inherited (combining marks).
var textScripts = []*unicode.RangeTable{
	unicode.Common, unicode.Inherited, unicode.Latin, unicode.Greek, unicode.Cyrillic,
	unicode.Armenian, unicode.Georgian, unicode.Hebrew, unicode.Arabic, unicode.Devanagari,
	unicode.Bengali, unicode.Tamil, unicode.Thai, unicode.Han, unicode.Hiragana,
	unicode.Katakana, unicode.Hangul, unicode.Bopomofo,
}

// guessUnicodeForm picks, for data with zero bytes and no byte-order mark
// whose byte statistics did not settle it (guessUTF16 expects most
// characters in one 256-character block, as Latin and Cyrillic text has;
// Chinese, Japanese and Korean spread over thousands), the form among
// UTF-32LE, UTF-32BE, UTF-16LE and UTF-16BE that decodes data without an
// invalid unit (a lone surrogate, a code point past U+10FFFF), NUL or
// control character other than tab, line ends and form feed, and with the
// most characters in textScripts, at least minTextShare of them.
func guessUnicodeForm(data []byte) (unicodeForm, bool) {
	var best unicodeForm
	bestText := 0
	for _, f := range []unicodeForm{{4, true}, {4, false}, {2, true}, {2, false}} {
		if len(data)%f.width != 0 {
			continue
		}
		if text, ok := f.textLike(data); ok && text > bestText {
			best, bestText = f, text
		}
	}
	return best, bestText > 0
}

// textLike decodes data in f and reports how many of its characters are in
// textScripts, and whether it decodes as text: no invalid unit, no NUL or
// control character other than tab, line ends and form feed, and at least
// minTextShare of its characters in textScripts.
func (f unicodeForm) textLike(data []byte) (text int, ok bool) {
	chars := 0
	for i := 0; i < len(data); {
		r, n, _, _ := f.next(data[i:])
		if n == 0 || r == 0 || r < 0x20 && !isTextControl(r) {
			return 0, false
		}
		i += n
		chars++
		if r < utf8.RuneSelf || unicode.In(r, textScripts...) {
			text++
		}
	}
	return text, chars > 0 && float64(text) >= minTextShare*float64(chars)
}

// highBytesLike reports whether hi and lo, the histograms of the two bytes
// of n code units, look like the high and low bytes of UTF-16 text.
func highBytesLike(hi, lo *[256]int, n int) bool {
	if lo[0]*20 > n {
		return false
	}
	if hi[0]*10 >= n*4 {
		return true
	}
	top1, top2 := 0, 0
	for _, c := range hi {
		switch {
		case c > top1:
			top1, top2 = c, top1
		case c > top2:
			top2 = c
		}
	}
	return hi[0]*20 >= n && (top1+top2)*10 >= n*9
}

// Single-byte code pages.

// decodeSingleByte decodes data, whose byte histogram is h, in the
// ASCII-compatible code page cm, turning CRLF and lone CR into LF.
// Undefined bytes become U+FFFD.
func decodeSingleByte(data []byte, cm *charmap.Charmap, h *[256]int) string {
	var enc [128][utf8.UTFMax]byte
	var encLen [128]uint8
	for c := range 128 {
		encLen[c] = uint8(utf8.EncodeRune(enc[c][:], cm.DecodeByte(byte(c+0x80))))
	}
	// Size: every high byte grows to its UTF-8 length.
	size := len(data)
	for c := range 128 {
		size += h[c+0x80] * (int(encLen[c]) - 1)
	}
	var b strings.Builder
	b.Grow(size)
	// Decode through a small buffer: one call to b.Write per byte would
	// cost more than the decoding.
	const margin = 16 // room for a short ASCII run or a character
	var buf [16 << 10]byte
	n := 0
	for i := 0; i < len(data); i++ {
		if n > len(buf)-margin {
			b.Write(buf[:n])
			n = 0
		}
		c := data[i]
		switch {
		case c == '\r':
			buf[n] = '\n'
			n++
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
		case c < utf8.RuneSelf:
			// A run of ASCII.
			j := i + 1
			for j < len(data) && data[j] < utf8.RuneSelf && data[j] != '\r' {
				j++
			}
			switch {
			case j-i <= 8:
				// Short runs, as between Cyrillic words: copy() costs
				// more than it saves.
				for ; i < j; i++ {
					buf[n] = data[i]
					n++
				}
			case j-i > len(buf)-margin-n:
				b.Write(buf[:n])
				b.Write(data[i:j])
				n = 0
			default:
				n += copy(buf[n:], data[i:j])
			}
			i = j - 1
		default:
			// Copy all four bytes; only the first encLen count.
			e := &enc[c-0x80]
			buf[n], buf[n+1], buf[n+2], buf[n+3] = e[0], e[1], e[2], e[3]
			n += int(encLen[c-0x80])
		}
	}
	b.Write(buf[:n])
	return b.String()
}

// Guessing a single-byte code page.
//
// Each candidate code page decodes the bytes 0x80–0xFF that occur, and the
// result is scored as a log-likelihood:
//
//   - each decoded character by what it is: a letter by its frequency in the
//     language, among those below, that explains the text best; common
//     punctuation (« » “ ” – — … NO-BREAK SPACE …) by a fixed share; other
//     symbols (box drawing, ±, ¹) and undefined bytes or C1 controls low;
//   - each pair of neighbouring characters, one of them from a high byte, by
//     what pairs of classes it makes: a lower-case letter before an
//     upper-case one of the same script (Russian read in the wrong one of
//     windows-1251 and koi8-r is mostly capitals inside words), letters of
//     two scripts side by side, a symbol glued to a letter, or an opening
//     mark such as ¿ right after a letter all cost.
//
// The highest score wins; a small prior per code page breaks ties in favour
// of the commoner one. windows-1252 is reported as iso-8859-1 when no byte
// in 0x80–0x9F occurs, as both then decode alike.

// singleByteCandidates are the code pages detection chooses among, in order
// of preference on a tie.
var singleByteCandidates = [...]struct {
	name  string
	cm    *charmap.Charmap
	prior float64 // log-likelihood bonus, ≤ 0
	boxes bool    // box drawing is common in its texts (DOS pseudographics)
}{
	{"windows-1252", charmap.Windows1252, 0, false},
	{"windows-1251", charmap.Windows1251, -0.1, false},
	{"koi8-r", charmap.KOI8R, -1, false},
	{"windows-1250", charmap.Windows1250, -1, false},
	{"iso-8859-2", charmap.ISO8859_2, -2, false},
	{"koi8-u", charmap.KOI8U, -2, false},
	{"ibm866", charmap.CodePage866, -2, true},
	{"iso-8859-5", charmap.ISO8859_5, -3, false},
}

const numCandidates = len(singleByteCandidates)

// Character classes for scoring.
const (
	clsOther    uint8 = iota // space, digit, ASCII or common punctuation
	clsOpen                  // ¿ ¡ „ ‚: marks that open, never right after a letter
	clsLatLower              // Latin letters
	clsLatUpper
	clsCyrLower // Cyrillic letters
	clsCyrUpper
	clsLetter // letter of another script
	clsSymbol // a symbol rare in running text: box drawing, ±, ¹, ¤
	clsBad    // undefined byte, C1 control
	numClasses
)

// Log-likelihoods of decoded characters that the language tables do not
// give.
const (
	logLetterRare    = -9.9  // letter of the language's script missing from its table
	logLetterForeign = -13.8 // letter of another script
	logPunct         = -3.0
	logSymbol        = -9.2
	logBoxDrawing    = -4.0 // box drawing and blocks where the code page is used for them
	logBad           = -20.7
	logUpper         = -0.5 // an upper-case letter, against a lower-case one
	// logLatinPair is the cost of two Latin letters outside ASCII side by
	// side: in Latin-script languages most letters are ASCII, so this is
	// rare, while Cyrillic read as Latin makes whole words of them.
	logLatinPair = -2.5
	// logCommonPair is the bonus for a pair of Cyrillic letters among
	// commonCyrillicPairs. Cyrillic read in the wrong Cyrillic code page
	// permutes the letters, which makes such pairs rare.
	logCommonPair = 1.5
	// logSameLetter is the cost of a letter doubled: rare in words, while
	// a line of box drawing read as letters repeats one letter.
	logSameLetter = -2.0
)

// commonCyrillicPairs are frequent letter pairs of Russian, Ukrainian and
// Bulgarian, space-separated.
const commonCyrillicPairs = " ст но то на ен ов ни ра во ко ро ре пр ал ли ет ол ор по ан не ос ва го ть ка ес ел ат та ом ло ит ил ри ле ск од ед ий ой ер от де ла ак ме ма ль ки ти ны ев за ве ое ия ся ча че ые их ых ей ие ин да до ди об ам им ем ми мо чт ру тв ци ви ів ні ть ну ій ці ът те ва "

// commonPunct is the punctuation outside ASCII that may stand anywhere in
// text; openPunct opens and is not seen right after a letter.
const (
	commonPunct = "\u00a0\u00ad«»‘’“”–—…•·§№°©®™€£‹›"
	openPunct   = "¿¡„‚"
)

func classOf(r rune) uint8 {
	switch {
	case r >= 'a' && r <= 'z':
		return clsLatLower
	case r >= 'A' && r <= 'Z':
		return clsLatUpper
	case r < utf8.RuneSelf:
		return clsOther
	case r == utf8.RuneError || r < 0xa0:
		return clsBad
	case unicode.IsLetter(r):
		upper := unicode.IsUpper(r)
		switch {
		case unicode.Is(unicode.Latin, r) && upper:
			return clsLatUpper
		case unicode.Is(unicode.Latin, r):
			return clsLatLower
		case unicode.Is(unicode.Cyrillic, r) && upper:
			return clsCyrUpper
		case unicode.Is(unicode.Cyrillic, r):
			return clsCyrLower
		}
		return clsLetter
	case strings.ContainsRune(commonPunct, r):
		return clsOther
	case strings.ContainsRune(openPunct, r):
		return clsOpen
	}
	return clsSymbol
}

func isLetterClass(c uint8) bool { return c >= clsLatLower && c <= clsLetter }

// scriptOfClass returns 1 for Latin, 2 for Cyrillic, 3 for other letters.
func scriptOfClass(c uint8) int {
	switch c {
	case clsLatLower, clsLatUpper:
		return 1
	case clsCyrLower, clsCyrUpper:
		return 2
	}
	return 3
}

// isBoxDrawing reports whether r is a box-drawing or block character.
func isBoxDrawing(r rune) bool { return r >= 0x2500 && r <= 0x259f }

// pairScore is the log-likelihood cost of class a followed by class b.
func pairScore(a, b uint8) float64 {
	la, lb := isLetterClass(a), isLetterClass(b)
	switch {
	case la && lb:
		if scriptOfClass(a) != scriptOfClass(b) {
			return -4
		}
		if a == clsLatLower && b == clsLatUpper || a == clsCyrLower && b == clsCyrUpper {
			return -3
		}
	case la && b == clsSymbol, a == clsSymbol && lb, la && b == clsOpen:
		return -2
	}
	return 0
}

type letterFreq struct {
	r rune
	f float64 // relative frequency, about per mille of the letters of the language
}

// langProfile gives the letters outside ASCII of a language and how often
// each occurs. Letters not listed score logLetterRare if of the language's
// script, logLetterForeign otherwise.
type langProfile struct {
	lang     string // ISO 639-1
	cyrillic bool
	letters  []letterFreq // lower case
}

// langProfiles are approximate letter frequencies of running text, from
// published letter counts, rounded.
var langProfiles = [...]langProfile{
	{"de", false, []letterFreq{{'ä', 5.4}, {'ö', 3.0}, {'ü', 6.5}, {'ß', 3.1}}},
	{"fr", false, []letterFreq{{'é', 19}, {'è', 2.7}, {'ê', 2.2}, {'à', 4.9}, {'ç', 0.9}, {'â', 0.5}, {'î', 0.5}, {'ô', 0.6}, {'û', 0.6}, {'ù', 0.6}, {'ë', 0.1}, {'ï', 0.1}, {'œ', 0.2}}},
	{"es", false, []letterFreq{{'á', 5.0}, {'é', 4.3}, {'í', 7.3}, {'ó', 8.3}, {'ú', 1.7}, {'ñ', 3.1}, {'ü', 0.1}}},
	{"pt", false, []letterFreq{{'ã', 7.0}, {'ç', 5.0}, {'é', 3.4}, {'á', 5.0}, {'ó', 3.0}, {'í', 1.3}, {'ê', 4.5}, {'â', 1.3}, {'õ', 1.0}, {'ú', 1.0}, {'à', 0.7}, {'ô', 0.6}}},
	{"it", false, []letterFreq{{'à', 6.0}, {'è', 2.6}, {'é', 0.3}, {'ì', 0.3}, {'ò', 1.0}, {'ù', 1.7}}},
	{"ca", false, []letterFreq{{'à', 5}, {'è', 3}, {'é', 3}, {'í', 2}, {'ï', 0.5}, {'ò', 2}, {'ó', 2}, {'ú', 1}, {'ü', 0.5}, {'ç', 1}}},
	{"sv", false, []letterFreq{{'å', 13}, {'ä', 18}, {'ö', 13}, {'é', 0.2}}},
	{"da", false, []letterFreq{{'æ', 9}, {'ø', 9}, {'å', 12}}},
	{"fi", false, []letterFreq{{'ä', 36}, {'ö', 4.5}}},
	{"pl", false, []letterFreq{{'ą', 9.9}, {'ę', 11.1}, {'ó', 8.5}, {'ś', 6.6}, {'ł', 21}, {'ż', 8.3}, {'ź', 0.6}, {'ć', 4.0}, {'ń', 2.0}}},
	{"cs", false, []letterFreq{{'á', 8.7}, {'č', 4.6}, {'ď', 0.2}, {'é', 6.3}, {'ě', 12.2}, {'í', 16.4}, {'ň', 0.8}, {'ó', 0.2}, {'ř', 3.8}, {'š', 6.9}, {'ť', 0.4}, {'ú', 0.5}, {'ů', 2.0}, {'ý', 10.0}, {'ž', 7.2}}},
	{"sk", false, []letterFreq{{'á', 21}, {'ä', 1}, {'č', 9}, {'ď', 2}, {'é', 3}, {'í', 7}, {'ĺ', 0.2}, {'ľ', 4}, {'ň', 1}, {'ó', 2}, {'ô', 1}, {'ŕ', 0.2}, {'š', 7}, {'ť', 5}, {'ú', 7}, {'ý', 11}, {'ž', 8}}},
	{"hu", false, []letterFreq{{'á', 34}, {'é', 39}, {'í', 6}, {'ó', 9}, {'ö', 9}, {'ő', 8}, {'ú', 3}, {'ü', 5}, {'ű', 1}}},
	{"hr", false, []letterFreq{{'č', 11}, {'ć', 6}, {'đ', 3}, {'š', 10}, {'ž', 8}}},
	{"ro", false, []letterFreq{{'ă', 24}, {'â', 6}, {'î', 10}, {'ş', 14}, {'ţ', 10}}},
	{"ru", true, []letterFreq{
		{'а', 80}, {'б', 16}, {'в', 45}, {'г', 17}, {'д', 30}, {'е', 85}, {'ё', 2}, {'ж', 9}, {'з', 16}, {'и', 74}, {'й', 12},
		{'к', 35}, {'л', 44}, {'м', 32}, {'н', 67}, {'о', 110}, {'п', 28}, {'р', 47}, {'с', 55}, {'т', 63}, {'у', 26}, {'ф', 3},
		{'х', 10}, {'ц', 5}, {'ч', 14}, {'ш', 7}, {'щ', 4}, {'ъ', 0.4}, {'ы', 19}, {'ь', 17}, {'э', 3}, {'ю', 6}, {'я', 20}}},
	{"uk", true, []letterFreq{
		{'а', 72}, {'б', 17}, {'в', 52}, {'г', 16}, {'ґ', 0.1}, {'д', 35}, {'е', 48}, {'є', 8}, {'ж', 9}, {'з', 23}, {'и', 61}, {'і', 57},
		{'ї', 6}, {'й', 8}, {'к', 35}, {'л', 36}, {'м', 31}, {'н', 65}, {'о', 94}, {'п', 29}, {'р', 47}, {'с', 41}, {'т', 57}, {'у', 40},
		{'ф', 3}, {'х', 12}, {'ц', 10}, {'ч', 15}, {'ш', 8}, {'щ', 5}, {'ь', 17}, {'ю', 8}, {'я', 29}}},
	{"bg", true, []letterFreq{
		{'а', 95}, {'б', 18}, {'в', 47}, {'г', 16}, {'д', 35}, {'е', 80}, {'ж', 8}, {'з', 19}, {'и', 86}, {'й', 7}, {'к', 34},
		{'л', 32}, {'м', 26}, {'н', 79}, {'о', 86}, {'п', 29}, {'р', 48}, {'с', 44}, {'т', 73}, {'у', 13}, {'ф', 2}, {'х', 8},
		{'ц', 7}, {'ч', 14}, {'ш', 6}, {'щ', 5}, {'ъ', 23}, {'ь', 0.3}, {'ю', 3}, {'я', 21}}},
	{"sr", true, []letterFreq{
		{'а', 115}, {'б', 15}, {'в', 35}, {'г', 17}, {'д', 37}, {'ђ', 2}, {'е', 85}, {'ж', 6}, {'з', 16}, {'и', 98}, {'ј', 51},
		{'к', 36}, {'л', 30}, {'љ', 5}, {'м', 33}, {'н', 41}, {'њ', 6}, {'о', 91}, {'п', 29}, {'р', 47}, {'с', 49}, {'т', 44},
		{'ћ', 9}, {'у', 42}, {'ф', 3}, {'х', 8}, {'ц', 9}, {'ч', 11}, {'џ', 0.4}, {'ш', 10}}},
	{"be", true, []letterFreq{
		{'а', 80}, {'б', 16}, {'в', 36}, {'г', 17}, {'д', 30}, {'е', 50}, {'ё', 10}, {'ж', 8}, {'з', 20}, {'і', 70}, {'й', 10},
		{'к', 35}, {'л', 40}, {'м', 30}, {'н', 60}, {'о', 60}, {'п', 25}, {'р', 45}, {'с', 45}, {'т', 40}, {'у', 35}, {'ў', 15},
		{'ф', 2}, {'х', 10}, {'ц', 15}, {'ч', 15}, {'ш', 8}, {'ы', 25}, {'ь', 17}, {'э', 10}, {'ю', 5}, {'я', 25}}},
}

// isCommonCyrillicPair reports whether the Cyrillic letters a and b, in
// either case, make a pair in commonCyrillicPairs.
func isCommonCyrillicPair(a, b rune) bool {
	var p [2 + 2*utf8.UTFMax]byte
	p[0] = ' '
	n := 1 + utf8.EncodeRune(p[1:], unicode.ToLower(a))
	n += utf8.EncodeRune(p[n:], unicode.ToLower(b))
	p[n] = ' '
	return strings.Contains(commonCyrillicPairs, string(p[:n+1]))
}

// letterTable holds, for every letter in langProfiles, its log-frequency
// in each profile, sorted by letter. It is computed once and only read.
var letterTable = buildLetterTable()

type letterEntry struct {
	r    rune
	logs [len(langProfiles)]float64
}

func buildLetterTable() []letterEntry {
	var t []letterEntry
	for _, p := range langProfiles {
		for _, l := range p.letters {
			if !slices.ContainsFunc(t, func(e letterEntry) bool { return e.r == l.r }) {
				e := letterEntry{r: l.r}
				e.logs = defaultLetterLogs(scriptOfClass(classOf(l.r)))
				t = append(t, e)
			}
		}
	}
	for i, p := range langProfiles {
		total := 0.0
		for _, l := range p.letters {
			total += l.f
		}
		for _, l := range p.letters {
			for j := range t {
				if t[j].r == l.r {
					t[j].logs[i] = math.Log(l.f / total)
				}
			}
		}
	}
	slices.SortFunc(t, func(a, b letterEntry) int { return int(a.r - b.r) })
	return t
}

// defaultLetterLogs returns, for each profile, the log-frequency of a
// letter of the given script (as scriptOfClass numbers them) that the
// profile does not list.
func defaultLetterLogs(script int) [len(langProfiles)]float64 {
	var logs [len(langProfiles)]float64
	for i, p := range langProfiles {
		logs[i] = logLetterForeign
		if script == 1 && !p.cyrillic || script == 2 && p.cyrillic {
			logs[i] = logLetterRare
		}
	}
	return logs
}

// defaultLetterLogTable holds defaultLetterLogs for each script number.
var defaultLetterLogTable = [4][len(langProfiles)]float64{
	defaultLetterLogs(0), defaultLetterLogs(1), defaultLetterLogs(2), defaultLetterLogs(3),
}

// letterLogs returns the log-frequency of the lower-case letter r, of the
// given script, in each profile. The result must not be modified.
func letterLogs(r rune, script int) *[len(langProfiles)]float64 {
	lo, hi := 0, len(letterTable)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch e := &letterTable[m]; {
		case e.r == r:
			return &e.logs
		case e.r < r:
			lo = m + 1
		default:
			hi = m
		}
	}
	return &defaultLetterLogTable[script&3]
}

// maxScored bounds the high bytes scored, so that guessing costs little on
// huge inputs; tens of thousands decide any real case.
const maxScored = 1 << 16

// guessSingleByte returns the most plausible single-byte code page for
// data, whose byte histogram is h.
func guessSingleByte(data []byte, h *[256]int) (string, *charmap.Charmap) {
	// Classes of every byte that occurs, under every candidate.
	var cls [numCandidates][256]uint8
	var dec [numCandidates][128]rune
	for b := range 0x80 {
		cls[0][b] = classOf(rune(b))
	}
	for k, c := range singleByteCandidates {
		copy(cls[k][:0x80], cls[0][:0x80])
		for b := 0x80; b < 0x100; b++ {
			if h[b] > 0 {
				dec[k][b-0x80] = c.cm.DecodeByte(byte(b))
				cls[k][b] = classOf(dec[k][b-0x80])
			}
		}
	}
	// Count high bytes, and pairs of classes around them, in a prefix
	// holding up to maxScored high bytes.
	var uni [128]int
	var pairs [numCandidates][numClasses][numClasses]int
	var latinPairs [numCandidates]int   // Latin letters from two high bytes in a row
	highPairs := make([]int32, 128*128) // pairs of high bytes
	var pairList []int                  // the indexes in highPairs that are not 0
	seen := 0
	prev := byte(' ')
	for _, c := range data {
		if c >= 0x80 && prev >= 0x80 {
			i := int(prev-0x80)<<7 | int(c-0x80)
			if highPairs[i] == 0 {
				pairList = append(pairList, i)
			}
			highPairs[i]++
		}
		if c >= 0x80 || prev >= 0x80 {
			for k := range pairs {
				a, b := cls[k][prev], cls[k][c]
				pairs[k][a][b]++
				if prev >= 0x80 && c >= 0x80 && scriptOfClass(a) == 1 && scriptOfClass(b) == 1 {
					latinPairs[k]++
				}
			}
			if c >= 0x80 {
				uni[c-0x80]++
				seen++
				if seen >= maxScored {
					break
				}
			}
		}
		prev = c
	}
	var pairCost [numClasses][numClasses]float64
	for a := range pairCost {
		for b := range pairCost[a] {
			pairCost[a][b] = pairScore(uint8(a), uint8(b))
		}
	}
	best, bestScore := 0, math.Inf(-1)
	for k, cand := range singleByteCandidates {
		var langScore [len(langProfiles)]float64
		shared := 0.0 // the part of the score that does not depend on the language
		for b, n := range uni {
			if n == 0 {
				continue
			}
			r := dec[k][b]
			switch c := cls[k][b+0x80]; {
			case c == clsBad:
				shared += float64(n) * logBad
			case c == clsSymbol && cand.boxes && isBoxDrawing(dec[k][b]):
				shared += float64(n) * logBoxDrawing
			case c == clsSymbol:
				shared += float64(n) * logSymbol
			case !isLetterClass(c):
				shared += float64(n) * logPunct
			default:
				if c == clsLatUpper || c == clsCyrUpper {
					shared += float64(n) * logUpper
				}
				lp := letterLogs(unicode.ToLower(r), scriptOfClass(c))
				for i := range langScore {
					langScore[i] += float64(n) * lp[i]
				}
			}
		}
		for a := range pairs[k] {
			for b, n := range pairs[k][a] {
				if n > 0 {
					shared += float64(n) * pairCost[a][b]
				}
			}
		}
		shared += float64(latinPairs[k]) * logLatinPair
		for _, i := range pairList {
			n := highPairs[i]
			ca, cb := cls[k][i>>7|0x80], cls[k][i&127|0x80]
			if i>>7 == i&127 && isLetterClass(ca) {
				shared += float64(n) * logSameLetter
			}
			if scriptOfClass(ca) == 2 && scriptOfClass(cb) == 2 &&
				isCommonCyrillicPair(dec[k][i>>7], dec[k][i&127]) {
				shared += float64(n) * logCommonPair
			}
		}
		score := shared + cand.prior + langScore[0]
		for _, s := range langScore[1:] {
			score = max(score, shared+cand.prior+s)
		}
		if score > bestScore {
			best, bestScore = k, score
		}
	}
	name, cm := singleByteCandidates[best].name, singleByteCandidates[best].cm
	if cm == charmap.Windows1252 {
		c1 := 0
		for c := 0x80; c < 0xa0; c++ {
			c1 += h[c]
		}
		if c1 == 0 {
			return "iso-8859-1", charmap.ISO8859_1
		}
	}
	return name, cm
}
