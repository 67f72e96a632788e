package corpus

import (
	"errors"
	"fmt"
)

// ParseError is an error in an input, with its position. Line is 1-based;
// zero means the error concerns the whole input.
type ParseError struct {
	File string // input name as given by the caller
	Line int    // 1-based line, or 0
	Err  error
}

func (e *ParseError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
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
