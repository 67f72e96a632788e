package corpus

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseError is an error in an input, with its position. Line is 1-based;
// zero means the error concerns the whole input.
type ParseError struct {
	File string // input name as given by the caller
	Line int    // 1-based line, or 0
	Err  error
}

// Error is "file:line: message", or "file: message" without a line; a
// file name holding a control character is quoted (see QuoteName).
func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", QuoteName(e.File), e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", QuoteName(e.File), e.Err)
}

// QuoteName returns a file name as a line-oriented message or report
// prints it: as it is, or quoted Go-style (strconv.Quote) when it holds a
// control character (a tab, a newline) or is not UTF-8, so that the line
// stays one line, its fields stay apart, and the name can be read back.
func QuoteName(name string) string {
	if !utf8.ValidString(name) || strings.ContainsFunc(name, unicode.IsControl) {
		return strconv.Quote(name)
	}
	return name
}

func (e *ParseError) Unwrap() error { return e.Err }

// Sentinel conditions that callers branch on. They reach callers wrapped in
// a *ParseError.
var (
	// ErrEmpty: the input holds no paragraph with content.
	ErrEmpty = errors.New("empty input: no text")
	// ErrBinary: the input is not text (NUL bytes, control characters,
	// a known binary signature).
	ErrBinary = errors.New("binary file, not text")
	// ErrEncoding: the bytes are not valid in the named or detected encoding.
	ErrEncoding = errors.New("invalid encoding")
)
