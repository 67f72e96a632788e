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
	if !mayHoldNonProse(text) {
		return text
	}
	text = reMarkup.ReplaceAllString(text, " ")
	text = reURL.ReplaceAllString(text, " ")
	return reEntities.ReplaceAllString(text, " ")
}

// mayHoldNonProse reports whether text may hold something Prose sets
// aside: each of its patterns needs one of the characters `<&@{] (inline
// code, a tag, an entity, an e-mail address, a shortcode, a link target),
// "://", or a full stop followed by something other than the white space
// of the patterns' \s (a domain name, www.). Most paragraphs have none,
// and a scan for them costs a fraction of the patterns'.
func mayHoldNonProse(text string) bool {
	if strings.ContainsAny(text, "`<&@{]") || strings.Contains(text, "://") {
		return true
	}
	for i := strings.IndexByte(text, '.'); i >= 0; {
		if i+1 < len(text) && !strings.ContainsRune("\t\n\f\r ", rune(text[i+1])) {
			return true
		}
		j := strings.IndexByte(text[i+1:], '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}
