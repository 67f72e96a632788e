package qa

import (
	"fmt"
	"strings"
)

// Severity is how serious a finding is: Info < Warning < Error.
type Severity uint8

const (
	// Info is a difference worth a look that is often legitimate (a
	// name spelled differently, a block only one version has).
	Info Severity = iota
	// Warning is a likely fault that a translation may have a reason for
	// (an extra sentence, a length far outside the document's ratios).
	Warning
	// Error is a fault: text or a number missing, text left untranslated.
	Error
)

var severityNames = [...]string{"info", "warning", "error"}

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", uint8(s))
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; it accepts what
// ParseSeverity accepts.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseSeverity parses "info", "warning" (or "warn") or "error", in any
// case.
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "info":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("unknown severity %q: want info, warning or error", s)
}

// Check describes one kind of finding.
type Check struct {
	ID       string   // stable kebab-case id: "number-missing"
	Severity Severity // default severity of its findings
	// ITSType is the check's ITS 2.0 Localization Quality Issue Type
	// ("omission", "addition", "numbers", …).
	ITSType string
	// Default reports whether the check runs when Options.Enabled is nil;
	// the cosmetic checks are off by default.
	Default bool
	Doc     string // one line for --list-checks
}

// The check ids.
const (
	MissingSection   = "missing-section"
	ExtraSection     = "extra-section"
	MissingBlock     = "missing-block"
	ExtraBlock       = "extra-block"
	Empty            = "empty"
	Untranslated     = "untranslated"
	WrongLanguage    = "wrong-language"
	MixedLanguage    = "mixed-language"
	MissingParagraph = "missing-paragraph"
	ExtraParagraph   = "extra-paragraph"
	Duplicate        = "duplicate"
	MissingSentence  = "missing-sentence"
	ExtraSentence    = "extra-sentence"
	NumberMissing    = "number-missing"
	NumberExtra      = "number-extra"
	URLMismatch      = "url-mismatch"
	EmailMismatch    = "email-mismatch"
	LengthRatio      = "length-ratio"
	NameMismatch     = "name-mismatch"
	EndPunctuation   = "end-punctuation"
	Quotes           = "quotes"
	DoubleSpace      = "double-space"
)

// checks is the registry, in the order Checks lists them and findings of
// equal severity and place are sorted in.
var checks = []Check{
	{MissingSection, Error, "omission", true, "a numbered section (or the title or preamble) the pivot has and this version lacks"},
	{ExtraSection, Warning, "addition", true, "a numbered section this version has and the pivot lacks"},
	{MissingBlock, Info, "omission", true, "an unnumbered block (closing formula, signatory list) only the pivot has"},
	{ExtraBlock, Info, "addition", true, "an unnumbered block only this version has"},
	{Empty, Error, "omission", true, "a section or paragraph with text in the pivot and none here (a marker alone)"},
	{Untranslated, Error, "untranslated", true, "a section, paragraph or most of one in the pivot's language"},
	{WrongLanguage, Error, "untranslated", true, "a section or paragraph in a third language"},
	{MixedLanguage, Warning, "untranslated", true, "a paragraph with some sentences in another language"},
	{MissingParagraph, Error, "omission", true, "a pivot paragraph without counterpart in an aligned section"},
	{ExtraParagraph, Warning, "addition", true, "a paragraph without counterpart in the pivot"},
	{Duplicate, Warning, "duplication", true, "a paragraph repeated in this version and not in the pivot"},
	{MissingSentence, Warning, "omission", true, "a pivot sentence without counterpart in an aligned paragraph"},
	{ExtraSentence, Warning, "addition", true, "a sentence without counterpart in the pivot"},
	{NumberMissing, Error, "numbers", true, "a number of the pivot missing here (values compared in each language's notation)"},
	{NumberExtra, Warning, "numbers", true, "a number here that the pivot does not have"},
	{URLMismatch, Warning, "inconsistent-entities", true, "the URLs differ"},
	{EmailMismatch, Warning, "inconsistent-entities", true, "the e-mail addresses differ"},
	{LengthRatio, Warning, "length", true, "a length ratio to the pivot outside the band of the document's own ratios"},
	{NameMismatch, Info, "inconsistent-entities", true, "a name or acronym of the pivot without counterpart here"},
	{EndPunctuation, Info, "typographical", false, "a paragraph ends with other punctuation than the pivot's"},
	{Quotes, Info, "typographical", false, "a paragraph has a different number of quotation marks than the pivot's"},
	{DoubleSpace, Info, "whitespace", false, "a double space inside a paragraph the pivot writes without"},
}

// Checks returns every check, in a stable order.
func Checks() []Check {
	out := make([]Check, len(checks))
	copy(out, checks)
	return out
}

// LookupCheck returns the check with the given id.
func LookupCheck(id string) (Check, bool) {
	for _, c := range checks {
		if c.ID == id {
			return c, true
		}
	}
	return Check{}, false
}

func checkIndex(id string) int {
	for i, c := range checks {
		if c.ID == id {
			return i
		}
	}
	return len(checks)
}
