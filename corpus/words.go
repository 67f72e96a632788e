package corpus

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Letters returns the number of letters (Unicode category L) in s.
func Letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// CapitalisedShare returns the share of the words of s (runs of letters)
// that start with an upper-case letter, 0 when s has none: high for a
// list of names, a caption in title case or a table row of product names,
// text that tells little of its language.
func CapitalisedShare(s string) float64 {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) == 0 {
		return 0
	}
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return float64(caps) / float64(len(words))
}

var (
	reURL      = regexp.MustCompile(`(?i)\b(?:https?://|ftp://|www\.)[^\s<>()\[\]]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|info|scot|ch|de|ru|es|gr|io|uk)(?:/[^\s]*)?\b`)
	reMarkup   = regexp.MustCompile(`\]\([^)]*\)|<[^>\n]{1,200}>|\{\{[^}]*\}\}|` + "`[^`\n]{1,200}`")
	reEntities = regexp.MustCompile(`&[a-zA-Z]+;|&#\d+;`)
)

// Prose returns text with what carries no language set aside, each
// replaced by a space: URLs, e-mail addresses, bare domain names, Markdown
// link targets and inline code, HTML tags and entities, template
// shortcodes. Language identification and the checks that judge a text's
// language look at this part only.
func Prose(text string) string {
	text = reMarkup.ReplaceAllString(text, " ")
	text = reURL.ReplaceAllString(text, " ")
	return reEntities.ReplaceAllString(text, " ")
}
