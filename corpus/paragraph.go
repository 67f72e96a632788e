package corpus

// Kind says what a paragraph is in the document's markup.
type Kind uint8

const (
	// Text is an ordinary paragraph of prose.
	Text Kind = iota
	// Heading is a Markdown ATX or setext heading.
	Heading
	// ListItem is a Markdown-style list item ("1.", "1)", "-", "*", "+").
	ListItem
	// Code is a fenced code block, kept whole.
	Code
	// FrontMatter is a YAML (---) or TOML (+++) block at the top of a
	// Markdown file, or at the top of a later version in a combined file
	// (see SplitParagraphs). It is not content: it is never detected or
	// aligned as text, but it is kept in the lossless output.
	FrontMatter
	// Boilerplate is page furniture of an HTML page: navigation, page
	// headers and footers, sidebars, language selectors, cookie banners,
	// the page title. Like front matter it is kept in the lossless output
	// but never detected or aligned as text.
	Boilerplate
)

var kindNames = [...]string{"text", "heading", "list-item", "code", "front-matter", "boilerplate"}

// Content reports whether paragraphs of kind k are running text to detect
// and align: not code, front matter or page boilerplate.
func (k Kind) Content() bool { return k != Code && k != FrontMatter && k != Boilerplate }

// String returns the kind's name as used in JSON output.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// Paragraph is one block of a document: blank-line separated text, a
// heading, a list item or a code block. Its Text is the exact decoded source
// (UTF-8, lines joined by "\n", nothing trimmed), so that joining the
// paragraphs of a file with the blank lines between them gives the file back.
type Paragraph struct {
	File  string // name of the input, as given by the caller
	Start int    // 1-based line of the first line
	End   int    // 1-based line of the last line (>= Start)
	Kind  Kind
	Level int    // heading level 1–6 for Heading; list nesting depth from 1 for ListItem; else 0
	Text  string // exact source text of the paragraph's lines

	// Set by language identification; zero until then.
	Label
}

// Label is the language of a paragraph as language identification found it.
type Label struct {
	Lang  Lang    // Und when uncertain, NoLang when the text has no letters
	Conf  float64 // confidence of Lang, 0–1
	Mixed bool    // sentences of the paragraph are in different languages
	Langs []Lang  // languages found in the paragraph, largest share first
}
