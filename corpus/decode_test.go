package corpus

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// Sentences for building inputs: Article 1 of the Universal Declaration of
// Human Rights and everyday phrases.
var (
	textRU = "Все люди рождаются свободными и равными в своем достоинстве и правах. Они наделены разумом и совестью и должны поступать в отношении друг друга в духе братства."
	textUK = "Всі люди народжуються вільними і рівними у своїй гідності та правах. Вони наділені розумом і совістю і повинні діяти у відношенні один до одного в дусі братерства."
	textBG = "Всички хора се раждат свободни и равни по достойнство и права. Те са надарени с разум и съвест и следва да се отнасят помежду си в дух на братство."
	textDE = "Alle Menschen sind frei und gleich an Würde und Rechten geboren. Sie sind mit Vernunft und Gewissen begabt und sollen einander im Geist der Brüderlichkeit begegnen."
	textES = "Todos los seres humanos nacen libres e iguales en dignidad y derechos y, dotados como están de razón y conciencia, deben comportarse fraternalmente los unos con los otros. ¿Quién sabe? ¡Mañana será otro año!"
	textFR = "Tous les êtres humains naissent libres et égaux en dignité et en droits. Ils sont doués de raison et de conscience et doivent agir les uns envers les autres dans un esprit de fraternité."
	textPL = "Wszyscy ludzie rodzą się wolni i równi pod względem swej godności i swych praw. Są oni obdarzeni rozumem i sumieniem i powinni postępować wobec innych w duchu braterstwa."
	textCS = "Všichni lidé rodí se svobodní a sobě rovní co do důstojnosti a práv. Jsou nadáni rozumem a svědomím a mají spolu jednat v duchu bratrství."
	textHU = "Minden emberi lény szabadon születik és egyenlő méltósága és joga van. Az emberek, ésszel és lelkiismerettel bírván, egymással szemben testvéri szellemben kell hogy viseltessenek."
)

// encode encodes s with e, failing the test if it cannot.
func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding %q: %v", s, err)
	}
	return b
}

// abbrev quotes s, shortened to its start if it is long.
func abbrev[T string | []byte](s T) string {
	const max = 120
	if len(s) > max {
		return fmt.Sprintf("%q…", s[:max])
	}
	return fmt.Sprintf("%q", s)
}

func utf16Bytes(s string, le, bom bool) []byte {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xfeff}, units...)
	}
	var order binary.AppendByteOrder = binary.BigEndian
	if le {
		order = binary.LittleEndian
	}
	out := make([]byte, 0, 2*len(units))
	for _, u := range units {
		out = order.AppendUint16(out, u)
	}
	return out
}

func utf32Bytes(s string, le, bom bool) []byte {
	rs := []rune(s)
	if bom {
		rs = append([]rune{0xfeff}, rs...)
	}
	var order binary.AppendByteOrder = binary.BigEndian
	if le {
		order = binary.LittleEndian
	}
	out := make([]byte, 0, 4*len(rs))
	for _, r := range rs {
		out = order.AppendUint32(out, uint32(r))
	}
	return out
}

func TestDecodeDetectSingleByte(t *testing.T) {
	long := func(s string) string { return strings.Repeat(s+"\n", 20) }
	tests := []struct {
		name   string
		text   string
		cm     *charmap.Charmap
		want   string
		reason string
	}{
		{name: "ru cp1251", text: textRU, cm: charmap.Windows1251, want: "windows-1251"},
		{name: "ru cp1251 long", text: long(textRU), cm: charmap.Windows1251, want: "windows-1251"},
		{name: "ru cp1251 huge", text: strings.Repeat(textRU+"\n", 500), cm: charmap.Windows1251, want: "windows-1251", reason: "longer than the decoding buffer"},
		{name: "ru koi8-r", text: textRU, cm: charmap.KOI8R, want: "koi8-r"},
		{name: "ru koi8-r long", text: long(textRU), cm: charmap.KOI8R, want: "koi8-r"},
		{name: "ru iso-8859-5", text: textRU, cm: charmap.ISO8859_5, want: "iso-8859-5"},
		{name: "ru cp866", text: textRU, cm: charmap.CodePage866, want: "ibm866"},
		{name: "ru cp866 long", text: long(textRU), cm: charmap.CodePage866, want: "ibm866"},
		{name: "ru caps cp1251", text: "ВСЕОБЩАЯ ДЕКЛАРАЦИЯ ПРАВ ЧЕЛОВЕКА", cm: charmap.Windows1251, want: "windows-1251", reason: "all capitals: the case pattern cannot tell cp1251 from koi8-r, the letters must"},
		{name: "ru caps koi8-r", text: "ВСЕОБЩАЯ ДЕКЛАРАЦИЯ ПРАВ ЧЕЛОВЕКА", cm: charmap.KOI8R, want: "koi8-r"},
		{name: "ru short cp1251", text: "Привет, мир!", cm: charmap.Windows1251, want: "windows-1251"},
		{name: "ru short koi8-r", text: "Привет, мир!", cm: charmap.KOI8R, want: "koi8-r"},
		{name: "ru short cp866", text: "Привет, мир!", cm: charmap.CodePage866, want: "ibm866"},
		{name: "ru short iso-8859-5", text: "Привет, мир!", cm: charmap.ISO8859_5, want: "iso-8859-5"},
		{name: "ru word cp1251", text: "Да", cm: charmap.Windows1251, want: "windows-1251"},
		{name: "ru quotes cp1251", text: "Он сказал: «Нет» — и ушёл… № 5", cm: charmap.Windows1251, want: "windows-1251"},
		{name: "ru mixed latin cp1251", text: "Версия Linux 6.1 и файл README.md — см. раздел «Установка».", cm: charmap.Windows1251, want: "windows-1251"},
		{name: "uk cp1251", text: textUK, cm: charmap.Windows1251, want: "windows-1251"},
		{name: "uk koi8-u", text: textUK, cm: charmap.KOI8U, want: "koi8-u", reason: "і and ї are box drawing in koi8-r"},
		{name: "bg cp1251", text: textBG, cm: charmap.Windows1251, want: "windows-1251"},
		{name: "de latin1", text: textDE, cm: charmap.ISO8859_1, want: "iso-8859-1"},
		{name: "de latin1 long", text: long(textDE), cm: charmap.ISO8859_1, want: "iso-8859-1"},
		{name: "de short", text: "Größe", cm: charmap.ISO8859_1, want: "iso-8859-1"},
		{name: "de cp1252 quotes", text: "Er sagte: „Grüß Gott“ – und ging.", cm: charmap.Windows1252, want: "windows-1252", reason: "„ “ – are 0x84 0x93 0x96, only in windows-1252"},
		{name: "es latin1", text: textES, cm: charmap.ISO8859_1, want: "iso-8859-1"},
		{name: "es short", text: "Año nuevo", cm: charmap.ISO8859_1, want: "iso-8859-1"},
		{name: "fr latin1", text: textFR, cm: charmap.ISO8859_1, want: "iso-8859-1"},
		{name: "fr cp1252", text: "Le cœur a ses raisons… Prix : 5 € — « voilà ».", cm: charmap.Windows1252, want: "windows-1252"},
		{name: "fr short", text: "Où est la gare ?", cm: charmap.ISO8859_1, want: "iso-8859-1"},
		{name: "en cp1252 quotes", text: "“Don’t panic,” he said — twice…", cm: charmap.Windows1252, want: "windows-1252", reason: "English has high bytes only for punctuation"},
		{name: "en cafe", text: "A café on the corner.", cm: charmap.ISO8859_1, want: "iso-8859-1"},
		{name: "en with ru words cp1251", text: "The Russian word «правда» means truth, and «мир» means peace or world.", cm: charmap.Windows1251, want: "windows-1251"},
		{name: "en with ru words koi8-r", text: "The Russian word \"правда\" means truth.", cm: charmap.KOI8R, want: "koi8-r"},
		{name: "ru with en words koi8-r", text: "Глава 1. Introduction to Linux: установка, настройка и использование GNU/Linux в офисе.", cm: charmap.KOI8R, want: "koi8-r"},
		{name: "ru cp866 box drawing", text: "┌──────────────────┐\n│ Главное меню     │\n├──────────────────┤\n│ 1. Открыть файл  │\n│ 2. Сохранить     │\n│ 3. Выход         │\n└──────────────────┘\nВыберите пункт меню и нажмите клавишу Enter.\n",
			cm: charmap.CodePage866, want: "ibm866", reason: "DOS files draw frames; read as cp1251 a line of ─ is a run of Д"},
		{name: "uk koi8-u short", text: "Україна є незалежна держава. Її столиця Київ.", cm: charmap.KOI8U, want: "koi8-u"},
		{name: "bg short cp1251", text: "Хляб и сол. България е държава в Европа.", cm: charmap.Windows1251, want: "windows-1251"},
		{name: "de symbols latin1", text: "Temperatur: 25 °C, ½ Liter Wasser, © 2024 Müller GmbH", cm: charmap.ISO8859_1, want: "iso-8859-1"},
		{name: "de symbols cp1252", text: "Preis: 5 € – Größe ± 2 cm × 3 cm", cm: charmap.Windows1252, want: "windows-1252"},
		{name: "pt latin1", text: "São Paulo é a maior cidade do Brasil; a população ultrapassa doze milhões.", cm: charmap.ISO8859_1, want: "iso-8859-1"},
		{name: "it latin1", text: "Città di Perugia, è più bella così.", cm: charmap.ISO8859_1, want: "iso-8859-1"},
		{name: "sv latin1", text: "Skål! Smörgåsbord och kött.", cm: charmap.ISO8859_1, want: "iso-8859-1"},
		{name: "hr cp1250", text: "Sveučilište u Zagrebu: čitanje, pisanje, ćevapi, đak, žaba.", cm: charmap.Windows1250, want: "windows-1250"},
		{name: "pl cp1250", text: textPL, cm: charmap.Windows1250, want: "windows-1250"},
		{name: "pl iso-8859-2", text: textPL, cm: charmap.ISO8859_2, want: "iso-8859-2"},
		{name: "pl short cp1250", text: "Zażółć gęślą jaźń", cm: charmap.Windows1250, want: "windows-1250"},
		{name: "pl short iso-8859-2", text: "Zażółć gęślą jaźń", cm: charmap.ISO8859_2, want: "iso-8859-2"},
		{name: "cs cp1250", text: textCS, cm: charmap.Windows1250, want: "windows-1250"},
		{name: "cs iso-8859-2", text: textCS, cm: charmap.ISO8859_2, want: "iso-8859-2"},
		{name: "hu cp1250", text: textHU, cm: charmap.Windows1250, want: "windows-1250"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := encode(t, tt.cm, tt.text)
			got, err := Decode(in, "in.txt", "")
			if err != nil {
				t.Fatalf("Decode(%s) error: %v", abbrev(in), err)
			}
			if got.Encoding != tt.want {
				t.Errorf("Decode(%s).Encoding = %q, want %q (%s); text %s", abbrev(in), got.Encoding, tt.want, tt.reason, abbrev(got.Text))
			}
			if got.Encoding == tt.want && got.Text != tt.text {
				t.Errorf("Decode(%s).Text = %s, want %s", abbrev(in), abbrev(got.Text), abbrev(tt.text))
			}
		})
	}
}

// Chinese, Japanese and Korean prose for the BOM-less UTF-16 and UTF-32
// cases.
const (
	textZH = "联合国的宗旨是维持国际和平及安全。\n为此目的，采取有效集体办法，以防止且消除对于和平之威胁。\n"
	textJA = "国際連合の目的は、国際の平和及び安全を維持することである。\nそのために、平和に対する脅威の防止及び除去のための有効な集団的措置をとること。\n"
	textKO = "국제연합의 목적은 국제평화와 안전을 유지하는 것이다.\n그리고 이 목적을 위하여 평화에 대한 위협의 방지, 제거 그리고 침략행위의 진압을 위한 유효한 집단적 조치를 취한다.\n"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want Decoded
	}{
		{name: "empty", in: nil, want: Decoded{Encoding: "utf-8"}},
		{name: "ascii", in: []byte("Hello, world.\n"), want: Decoded{Text: "Hello, world.\n", Encoding: "utf-8"}},
		{name: "utf-8", in: []byte(textRU), want: Decoded{Text: textRU, Encoding: "utf-8"}},
		{name: "utf-8 bom", in: []byte("\ufeffГрёзы"), want: Decoded{Text: "Грёзы", Encoding: "utf-8", BOM: true}},
		{name: "utf-8 bom only", in: []byte("\ufeff"), want: Decoded{Encoding: "utf-8", BOM: true}},
		{name: "utf-8 feff inside", in: []byte("a\ufeffb"), want: Decoded{Text: "a\ufeffb", Encoding: "utf-8"}},
		{name: "utf-8 bom and feff", in: []byte("\ufeff\ufeffb"), want: Decoded{Text: "\ufeffb", Encoding: "utf-8", BOM: true}},
		{name: "utf-8 cut at end", in: []byte("Привет, м\xd0"), want: Decoded{Text: "Привет, м\ufffd", Encoding: "utf-8",
			Warnings: []string{"line 1: the input ends inside a UTF-8 character at byte offset 16 (a truncated file?); it is read as U+FFFD"}}},
		{name: "crlf", in: []byte("a\r\nb\r\n"), want: Decoded{Text: "a\nb\n", Encoding: "utf-8"}},
		{name: "cr", in: []byte("a\rb\r"), want: Decoded{Text: "a\nb\n", Encoding: "utf-8"}},
		{name: "mixed line ends", in: []byte("a\r\nb\rc\nd\r\r\ne"), want: Decoded{Text: "a\nb\nc\nd\n\ne", Encoding: "utf-8"}},
		{name: "crlf utf-8 bom", in: []byte("\ufeffä\r\nö\r"), want: Decoded{Text: "ä\nö\n", Encoding: "utf-8", BOM: true}},
		{name: "crlf cp1251", in: encode(t, charmap.Windows1251, "Привет\r\nмир\rвсем\n"), want: Decoded{Text: "Привет\nмир\nвсем\n", Encoding: "windows-1251"}},
		{name: "utf-16le bom", in: utf16Bytes("\ufeffПривет, мир!\r\n", true, false), want: Decoded{Text: "Привет, мир!\n", Encoding: "utf-16le", BOM: true}},
		{name: "utf-16be bom", in: utf16Bytes("Привет, мир!\r\n", false, true), want: Decoded{Text: "Привет, мир!\n", Encoding: "utf-16be", BOM: true}},
		{name: "utf-16le bom feff inside", in: utf16Bytes("a\ufeffb", true, true), want: Decoded{Text: "a\ufeffb", Encoding: "utf-16le", BOM: true}},
		{name: "utf-16le bom surrogates", in: utf16Bytes("smile 😀 done", true, true), want: Decoded{Text: "smile 😀 done", Encoding: "utf-16le", BOM: true}},
		{name: "utf-16le bom cut", in: utf16Bytes("ab", true, true)[:5], want: Decoded{Text: "a\ufffd", Encoding: "utf-16le", BOM: true,
			Warnings: []string{"line 1: the input ends inside a UTF-16LE character at byte offset 4 (a truncated file?); it is read as U+FFFD"}}},
		// Windows-1251 Ukrainian holds valid UTF-8 pairs by accident
		// (Мі is CC B3, лії is EB B3 BF, Н» is CD BB): still a code page.
		{name: "cp1251 with accidental utf-8", in: encode(t, charmap.Windows1251, "Мі в Італії, «ООН»\nВін\n"), want: Decoded{Text: "Мі в Італії, «ООН»\nВін\n", Encoding: "windows-1251"}},
		{name: "utf-16le latin", in: utf16Bytes(textDE, true, false), want: Decoded{Text: textDE, Encoding: "utf-16le"}},
		{name: "utf-16be latin", in: utf16Bytes(textFR, false, false), want: Decoded{Text: textFR, Encoding: "utf-16be"}},
		{name: "utf-16le cyrillic", in: utf16Bytes(textRU, true, false), want: Decoded{Text: textRU, Encoding: "utf-16le"}},
		{name: "utf-16be cyrillic", in: utf16Bytes(textRU+"\r\n"+textUK, false, false), want: Decoded{Text: textRU + "\n" + textUK, Encoding: "utf-16be"}},
		// issue 12: CJK text in UTF-16 or UTF-32 without a byte-order mark
		// was called binary (NUL bytes): its characters spread over
		// thousands of code points, so the byte statistics that find
		// Latin and Cyrillic UTF-16 do not; the structure does.
		{name: "utf-16le chinese", in: utf16Bytes(textZH, true, false), want: Decoded{Text: textZH, Encoding: "utf-16le"}},
		{name: "utf-16be chinese", in: utf16Bytes(textZH, false, false), want: Decoded{Text: textZH, Encoding: "utf-16be"}},
		{name: "utf-16le japanese", in: utf16Bytes(textJA, true, false), want: Decoded{Text: textJA, Encoding: "utf-16le"}},
		{name: "utf-16be japanese", in: utf16Bytes(textJA, false, false), want: Decoded{Text: textJA, Encoding: "utf-16be"}},
		{name: "utf-16le korean", in: utf16Bytes(textKO, true, false), want: Decoded{Text: textKO, Encoding: "utf-16le"}},
		{name: "utf-16be korean", in: utf16Bytes(textKO, false, false), want: Decoded{Text: textKO, Encoding: "utf-16be"}},
		{name: "utf-32le cjk", in: utf32Bytes(textZH+textJA+textKO, true, false), want: Decoded{Text: textZH + textJA + textKO, Encoding: "utf-32le"}},
		{name: "utf-32be cjk", in: utf32Bytes(textZH+textJA+textKO, false, false), want: Decoded{Text: textZH + textJA + textKO, Encoding: "utf-32be"}},
		{name: "utf-32le latin", in: utf32Bytes(textDE, true, false), want: Decoded{Text: textDE, Encoding: "utf-32le"}},
		{name: "utf-32le bom", in: utf32Bytes("Grüße 😀", true, true), want: Decoded{Text: "Grüße 😀", Encoding: "utf-32le", BOM: true}},
		{name: "utf-32be bom", in: utf32Bytes("Grüße\r\n", false, true), want: Decoded{Text: "Grüße\n", Encoding: "utf-32be", BOM: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.in, "in.txt", "")
			if err != nil {
				t.Fatalf("Decode(%q) error: %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Decode(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

// TestDecodeUDHR decodes the real files of the udhr-nltk corpus, as NLTK
// ships them.
func TestDecodeUDHR(t *testing.T) {
	dir := "/work/shared/corpus/udhr-nltk"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("shared corpus not available: %v", err)
	}
	tests := []struct {
		file string
		want string
		has  string // a phrase of the decoded text
	}{
		{"ru.txt", "windows-1251", "Всеобщая декларация прав человека"},
		{"de.txt", "iso-8859-1", "Würde und der gleichen und unveräußerlichen Rechte"},
		{"es.txt", "iso-8859-1", "Declaración Universal de Derechos Humanos"},
		{"en.txt", "utf-8", "Universal Declaration of Human Rights"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Decode(data, tt.file, "")
			if err != nil {
				t.Fatalf("Decode(%s) error: %v", tt.file, err)
			}
			if got.Encoding != tt.want {
				t.Errorf("Decode(%s).Encoding = %q, want %q", tt.file, got.Encoding, tt.want)
			}
			if !strings.Contains(got.Text, tt.has) {
				t.Errorf("Decode(%s).Text lacks %q; starts %q", tt.file, tt.has, got.Text[:min(len(got.Text), 200)])
			}
		})
	}
}

func TestDecodeBinary(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(rnd.Uint32())
	}
	random[10] = 0
	tests := []struct {
		name string
		in   []byte
		enc  string
		what string // in the message
	}{
		{name: "png", in: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), what: "PNG image"},
		{name: "gzip", in: []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03"), what: "gzip archive"},
		{name: "zip", in: []byte("PK\x03\x04\x14\x00\x06\x00"), what: "zip archive"},
		{name: "pdf", in: []byte("%PDF-1.7\n%âãÏÓ\n"), what: "PDF document"},
		{name: "elf", in: []byte("\x7fELF\x02\x01\x01"), what: "ELF executable"},
		{name: "jpeg", in: []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), what: "JPEG image"},
		{name: "gif", in: []byte("GIF89a\x01\x00"), what: "GIF image"},
		{name: "random with NULs", in: random, what: "NUL bytes"},
		{name: "NUL in text", in: []byte("some text\x00more text"), what: "NUL bytes"},
		{name: "controls", in: []byte("a\x01b\x02c\x03d\x04e\x05f\x06g\x07h\x08"), what: "control characters"},
		{name: "png named latin1", in: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), enc: "latin1", what: "PNG image"},
		{name: "NUL named cp1251", in: []byte("текст\x00"), enc: "cp1251", what: "NUL bytes"},
		{name: "NUL named utf-16le", in: utf16Bytes("a\x00b", true, false), enc: "utf-16le", what: "NUL characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.in, "x.bin", tt.enc)
			if !errors.Is(err, ErrBinary) {
				t.Fatalf("Decode(%q) = %+v, %v; want ErrBinary", tt.in, got, err)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.File != "x.bin" {
				t.Errorf("Decode(%q) error %v is not a *ParseError for x.bin", tt.in, err)
			}
			want := "x.bin: binary file, not text (" + tt.what + ")"
			if err.Error() != want {
				t.Errorf("Decode(%q) error = %q, want %q", tt.in, err, want)
			}
		})
	}
}

func TestDecodeNamed(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		enc  string
		want Decoded
	}{
		{name: "utf8", in: []byte("Grüße"), enc: "utf8", want: Decoded{Text: "Grüße", Encoding: "utf-8"}},
		{name: "UTF-8 bom", in: []byte("\ufeffGrüße"), enc: "UTF-8", want: Decoded{Text: "Grüße", Encoding: "utf-8", BOM: true}},
		{name: "ascii", in: []byte("plain\r\n"), enc: "ascii", want: Decoded{Text: "plain\n", Encoding: "us-ascii"}},
		{name: "cp1251", in: encode(t, charmap.Windows1251, textRU), enc: "cp1251", want: Decoded{Text: textRU, Encoding: "windows-1251"}},
		{name: "windows-1251", in: encode(t, charmap.Windows1251, textRU), enc: "Windows-1251", want: Decoded{Text: textRU, Encoding: "windows-1251"}},
		{name: "koi8r", in: encode(t, charmap.KOI8R, textRU), enc: "koi8r", want: Decoded{Text: textRU, Encoding: "koi8-r"}},
		{name: "KOI8-R", in: encode(t, charmap.KOI8R, "Да"), enc: "KOI8-R", want: Decoded{Text: "Да", Encoding: "koi8-r"}},
		{name: "cp866", in: encode(t, charmap.CodePage866, textRU), enc: "cp866", want: Decoded{Text: textRU, Encoding: "ibm866"}},
		{name: "iso-8859-5", in: encode(t, charmap.ISO8859_5, textRU), enc: "ISO_8859-5", want: Decoded{Text: textRU, Encoding: "iso-8859-5"}},
		{name: "latin1", in: encode(t, charmap.ISO8859_1, textDE), enc: "latin1", want: Decoded{Text: textDE, Encoding: "iso-8859-1"}},
		{name: "latin1 keeps C1", in: []byte("a\x93b"), enc: "iso-8859-1", want: Decoded{Text: "a\u0093b", Encoding: "iso-8859-1"}},
		{name: "cp1252", in: []byte("a\x93b\x94"), enc: "cp1252", want: Decoded{Text: "a“b”", Encoding: "windows-1252"}},
		{name: "cp1250", in: encode(t, charmap.Windows1250, textCS), enc: "cp1250", want: Decoded{Text: textCS, Encoding: "windows-1250"}},
		{name: "latin2", in: encode(t, charmap.ISO8859_2, textPL), enc: "latin2", want: Decoded{Text: textPL, Encoding: "iso-8859-2"}},
		{name: "override detection", in: encode(t, charmap.Windows1251, textRU), enc: "koi8-r", want: Decoded{Text: charmapString(t, charmap.KOI8R, encode(t, charmap.Windows1251, textRU)), Encoding: "koi8-r"}},
		{name: "utf-16 bom le", in: utf16Bytes("Да\r\n", true, true), enc: "utf-16", want: Decoded{Text: "Да\n", Encoding: "utf-16le", BOM: true}},
		{name: "utf-16 bom be", in: utf16Bytes("Да", false, true), enc: "UTF16", want: Decoded{Text: "Да", Encoding: "utf-16be", BOM: true}},
		{name: "utf-16 no bom guessed", in: utf16Bytes("Hello", true, false), enc: "utf-16", want: Decoded{Text: "Hello", Encoding: "utf-16le"}},
		{name: "utf-16 no bom default be", in: utf16Bytes("Да", false, false), enc: "utf-16", want: Decoded{Text: "Да", Encoding: "utf-16be"}},
		{name: "utf-16le", in: utf16Bytes("Да", true, false), enc: "utf-16le", want: Decoded{Text: "Да", Encoding: "utf-16le"}},
		{name: "utf-16le bom", in: utf16Bytes("Да", true, true), enc: "utf-16le", want: Decoded{Text: "Да", Encoding: "utf-16le", BOM: true}},
		{name: "utf-16be", in: utf16Bytes("Да", false, false), enc: "utf-16be", want: Decoded{Text: "Да", Encoding: "utf-16be"}},
		{name: "utf-32le", in: utf32Bytes("Да 😀", true, false), enc: "utf-32le", want: Decoded{Text: "Да 😀", Encoding: "utf-32le"}},
		{name: "utf-32 bom", in: utf32Bytes("Да", false, true), enc: "utf-32", want: Decoded{Text: "Да", Encoding: "utf-32be", BOM: true}},
		{name: "empty", in: nil, enc: "cp1251", want: Decoded{Encoding: "windows-1251"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.in, "in.txt", tt.enc)
			if err != nil {
				t.Fatalf("Decode(%q, %q) error: %v", tt.in, tt.enc, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Decode(%q, %q) mismatch (-want +got):\n%s", tt.in, tt.enc, diff)
			}
		})
	}
}

func charmapString(t *testing.T, cm *charmap.Charmap, b []byte) string {
	t.Helper()
	s, err := cm.NewDecoder().Bytes(b)
	if err != nil {
		t.Fatal(err)
	}
	return string(s)
}

func TestDecodeErrors(t *testing.T) {
	lines := "first line\nsecond line\r\nthird\rfourth: "
	tests := []struct {
		name    string
		in      []byte
		enc     string
		wantErr error
		line    int
		msg     string
	}{
		{name: "unknown encoding", in: []byte("x"), enc: "klingon", wantErr: ErrUnknownEncoding,
			msg: `unknown encoding "klingon": want a name such as utf-8, utf-16le, windows-1251, koi8-r or iso-8859-1`},
		{name: "unknown encoding empty input", in: nil, enc: "utf-9", wantErr: ErrUnknownEncoding,
			msg: `unknown encoding "utf-9": want a name such as utf-8, utf-16le, windows-1251, koi8-r or iso-8859-1`},
		{name: "invalid utf-8", in: []byte(lines + "caf\xe9\n"), enc: "utf-8", wantErr: ErrEncoding, line: 4,
			msg: "in.txt:4: invalid UTF-8 at byte offset 41: byte 0xe9"},
		{name: "invalid utf-8 after bom", in: []byte("\ufeffok\n\xff"), enc: "utf8", wantErr: ErrEncoding, line: 2,
			msg: "in.txt:2: invalid UTF-8 at byte offset 6: byte 0xff"},
		{name: "utf-8 cut named", in: []byte("ok\nПри\xd0"), enc: "utf-8", wantErr: ErrEncoding, line: 2,
			msg: "in.txt:2: invalid UTF-8 at byte offset 9: byte 0xd0, incomplete character at end of input"},
		{name: "ascii high byte", in: []byte("a\nb\n\xe9"), enc: "us-ascii", wantErr: ErrEncoding, line: 3,
			msg: "in.txt:3: invalid US-ASCII at byte offset 4: byte 0xe9"},
		{name: "cp1251 undefined byte", in: []byte("ok\r\n\xcf\xf0\x98"), enc: "cp1251", wantErr: ErrEncoding, line: 2,
			msg: "in.txt:2: invalid windows-1251 at byte offset 6: byte 0x98 is not defined"},
		{name: "utf-16le unpaired surrogate", in: append(utf16Bytes("a\nb\n", true, false), 0x00, 0xd8, 'c', 0), enc: "utf-16le", wantErr: ErrEncoding, line: 3,
			msg: "in.txt:3: invalid UTF-16LE at byte offset 8: unpaired surrogate U+D800"},
		{name: "utf-16le odd length", in: []byte("a\x00b"), enc: "utf-16le", wantErr: ErrEncoding, line: 1,
			msg: "in.txt:1: invalid UTF-16LE at byte offset 2: incomplete character at end of input"},
		{name: "utf-16le wrong bom", in: utf16Bytes("ab", false, true), enc: "utf-16le", wantErr: ErrEncoding, line: 1,
			msg: "in.txt:1: invalid UTF-16LE at byte offset 0: the byte-order mark is that of UTF-16BE"},
		{name: "utf-32be out of range", in: []byte("\x00\x00\x00a\x00\x11\x00\x00"), enc: "utf-32be", wantErr: ErrEncoding, line: 1,
			msg: "in.txt:1: invalid UTF-32BE at byte offset 4: invalid code point 0x110000"},
		{name: "detected utf-16 bom unpaired", in: append(utf16Bytes("a\n", true, true), 0x00, 0xdc), wantErr: ErrEncoding, line: 2,
			msg: "in.txt:2: invalid UTF-16LE at byte offset 6: unpaired surrogate U+DC00"},
		{name: "detected utf-8 with stray byte", in: []byte("Привет\nмир\n\x98всем"), wantErr: ErrEncoding, line: 3,
			msg: "in.txt:3: invalid UTF-8 at byte offset 20: byte 0x98"},
		// issue 12: one é in UTF-8 and one stray Latin-1 byte read as
		// Latin-1 gave cafÃ©.
		{name: "one utf-8 character and one stray byte", in: []byte("café\nna\xefve\n"), wantErr: ErrEncoding, line: 2,
			msg: "in.txt:2: invalid UTF-8 at byte offset 8: byte 0xef"},
		// issue 12: UTF-8 English then Windows-1251 Russian printed
		// вЂњthe AllianceвЂќ.
		{name: "utf-8 then cp1251", in: append([]byte("The “Alliance” was founded.\n\n"), encode(t, charmap.Windows1251, "Союз был основан.\n")...), wantErr: ErrEncoding, line: 3,
			msg: "in.txt:3: invalid UTF-8 at byte offset 33: byte 0xd1; line 1 is UTF-8, so the file mixes encodings (convert it, or name one with --encoding)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.in, "in.txt", tt.enc)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("Decode(%q, %q) = %+v, %v; want %v", tt.in, tt.enc, got, err, tt.wantErr)
			}
			if err.Error() != tt.msg {
				t.Errorf("Decode(%q, %q) error = %q, want %q", tt.in, tt.enc, err, tt.msg)
			}
			var pe *ParseError
			isPE := errors.As(err, &pe)
			if tt.wantErr == ErrUnknownEncoding {
				if isPE {
					t.Errorf("Decode(%q, %q) error %v is a *ParseError, want a plain usage error", tt.in, tt.enc, err)
				}
				return
			}
			if !isPE || pe.Line != tt.line {
				t.Errorf("Decode(%q, %q) error %#v, want a *ParseError at line %d", tt.in, tt.enc, err, tt.line)
			}
		})
	}
}

// TestLookupEncodingAliases checks that every name in the table resolves
// and that every named code page is ASCII-compatible, as decodeSingleByte
// assumes.
func TestLookupEncodingAliases(t *testing.T) {
	for _, c := range namedCharmaps {
		for _, name := range append([]string{c.name, strings.ToUpper(c.name)}, strings.Fields(c.aliases)...) {
			got, ok := lookupEncoding(name)
			if !ok || got.name != c.name {
				t.Errorf("lookupEncoding(%q) = %q, %v, want %q", name, got.name, ok, c.name)
			}
		}
		for b := range 0x80 {
			if r := c.cm.DecodeByte(byte(b)); r != rune(b) {
				t.Errorf("%s decodes 0x%02x as %q, want ASCII", c.name, b, r)
			}
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(""), "")
	f.Add([]byte("Hello\r\nworld\r"), "")
	f.Add([]byte("\ufeffГрёзы\r\n"), "")
	f.Add([]byte("a\ufeffb"), "")
	f.Add(encode(f, charmap.Windows1251, textRU), "")
	f.Add(encode(f, charmap.KOI8R, textRU), "")
	f.Add(encode(f, charmap.CodePage866, textRU), "")
	f.Add(encode(f, charmap.ISO8859_1, textDE), "")
	f.Add(encode(f, charmap.Windows1250, textPL), "")
	f.Add(encode(f, charmap.Windows1252, "„Grüß Gott“ – €"), "")
	f.Add(utf16Bytes("Привет\r\nмир", true, true), "")
	f.Add(utf16Bytes("Привет\r\nмир", false, false), "")
	f.Add(utf16Bytes("hello 😀", true, false), "utf-16")
	f.Add(utf32Bytes("hello 😀", true, true), "")
	f.Add([]byte("\x00\x00\xfe\xff\x00\x00\x00a"), "utf-32")
	f.Add([]byte("\x89PNG\r\n\x1a\n"), "")
	f.Add([]byte("caf\xe9\n"), "utf-8")
	f.Add([]byte("При\xd0"), "")
	f.Add([]byte("x\x98"), "cp1251")
	f.Add([]byte("plain"), "latin1")
	f.Fuzz(func(t *testing.T, data []byte, enc string) {
		got, err := Decode(data, "fuzz", enc)
		if err != nil {
			if got.Text != "" || got.Encoding != "" || got.BOM || got.Warnings != nil {
				t.Errorf("Decode(%q, %q) = %+v with error %v, want zero Decoded", data, enc, got, err)
			}
			return
		}
		if len(got.Warnings) > 0 && !strings.HasSuffix(got.Text, "\uFFFD") {
			t.Errorf("Decode(%q, %q) warns %q, but its text does not end in U+FFFD", data, enc, got.Warnings)
		}
		if !utf8.ValidString(got.Text) {
			t.Errorf("Decode(%q, %q).Text = %q, not valid UTF-8", data, enc, got.Text)
		}
		if strings.Contains(got.Text, "\r") {
			t.Errorf("Decode(%q, %q).Text = %q holds a CR", data, enc, got.Text)
		}
		if got.Encoding == "" {
			t.Errorf("Decode(%q, %q).Encoding is empty", data, enc)
		}
		// UTF-8 without BOM, CR or NUL is text, returned as it is, unless
		// it is binary.
		if enc == "" && utf8.Valid(data) && !bytes.HasPrefix(data, []byte(bomUTF8)) && !bytes.ContainsAny(data, "\r\x00") {
			if got.Text != string(data) || got.Encoding != "utf-8" {
				t.Errorf("Decode(%q) = %+v, want the input unchanged as utf-8", data, got)
			}
		}
	})
}

// benchText returns about n bytes of text: the sample sentences repeated
// in lines.
func benchText(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "%d. %s\n", i, textRU)
	}
	return b.String()
}

func BenchmarkDecode(b *testing.B) {
	text := benchText(10 << 20)
	cp1251 := encode(b, charmap.Windows1251, text)
	latin1 := encode(b, charmap.ISO8859_1, strings.Repeat(textDE+"\n", (10<<20)/len(textDE)))
	benches := []struct {
		name string
		in   []byte
		enc  string
	}{
		{"utf-8", []byte(text), ""},
		{"utf-8 crlf", []byte(strings.ReplaceAll(text, "\n", "\r\n")), ""},
		{"cp1251", cp1251, ""},
		{"cp1251 named", cp1251, "cp1251"},
		{"latin1", latin1, ""},
		{"utf-16le", utf16Bytes(text, true, true), ""},
	}
	for _, bb := range benches {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(bb.in)))
			for b.Loop() {
				if _, err := Decode(bb.in, "bench", bb.enc); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func ExampleDecode() {
	raw := []byte("\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0!\r\n") // windows-1251
	d, err := Decode(raw, "hello.txt", "")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s %q\n", d.Encoding, d.Text)

	_, err = Decode([]byte("caf\xe9 au lait"), "menu.txt", "utf-8")
	fmt.Println(err)
	// Output:
	// windows-1251 "Привет, мир!\n"
	// menu.txt:1: invalid UTF-8 at byte offset 3: byte 0xe9
}

// TestNormalizeInPlace checks that line ends rewritten in the input's own
// memory (keep) give every CRLF and lone CR as one LF, as a copy does, and
// that a cut last character is marked with U+FFFD either way.
func TestNormalizeInPlace(t *testing.T) {
	for _, in := range []string{"", "\r", "\n", "\r\n", "\r\r\n\n", "a\rb\r\nc\n\rd", "no line end", "Ж\r\nж\r", "\r\n\r\n\r\n", "\ufeffBOM\r\n"} {
		want := strings.ReplaceAll(strings.ReplaceAll(in, "\r\n", "\n"), "\r", "\n")
		for _, cut := range []bool{false, true} {
			w := want
			if cut {
				w += "\ufffd"
			}
			for _, keep := range []bool{false, true} {
				if got := normalizeUTF8([]byte(in), cut, keep); got != w {
					t.Errorf("%q, cut %v, in place %v: %q, want %q", in, cut, keep, got, w)
				}
			}
		}
	}
}
