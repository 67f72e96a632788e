package corpus

import (
	"fmt"
	"strings"
)

// Lang is a language code: ISO 639-1 (two lower-case letters) for a
// language, or one of the two markers Und and NoLang. The zero value is Und,
// undetermined.
type Lang string

const (
	// Und marks text that has letters but no language certain enough. It is
	// the zero value and is written "und".
	Und Lang = ""
	// NoLang marks text without letters (numbers, punctuation, URLs). It is
	// written "none".
	NoLang Lang = "none"
)

// String returns the code as written in output: "und" for Und.
func (l Lang) String() string {
	if l == Und {
		return "und"
	}
	return string(l)
}

// IsLanguage reports whether l names a language rather than Und or NoLang.
func (l Lang) IsLanguage() bool { return l != Und && l != NoLang }

// MarshalText implements encoding.TextMarshaler.
func (l Lang) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler. It accepts what
// ParseLang accepts.
func (l *Lang) UnmarshalText(b []byte) error {
	v, err := ParseLang(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// ParseLang parses "und", "none" or a two-letter ISO 639-1 code, in any
// case. It checks the form only; whether a detector knows the language is the
// detector's business.
func ParseLang(s string) (Lang, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch s {
	case "und", "":
		return Und, nil
	case "none":
		return NoLang, nil
	}
	if len(s) != 2 || s[0] < 'a' || s[0] > 'z' || s[1] < 'a' || s[1] > 'z' {
		return Und, fmt.Errorf("invalid language code %q: want a two-letter ISO 639-1 code such as en", s)
	}
	return Lang(s), nil
}
