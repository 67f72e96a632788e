package corpus

import (
	"strconv"
	"strings"
)

// This file renders the automatic numbering of word processors (Word's
// numbering.xml, OpenDocument's list styles) as the text they show. Both
// readers keep one counter per list level and differ only in how a list
// level is described.

// numFormat is how one level's counter is written.
type numFormat uint8

const (
	numDecimal       numFormat = iota // 1, 2, 3
	numDecimalZero                    // 01, 02, … 10 (Word's decimalZero)
	numLowerLetter                    // a … z, aa … zz, aaa (Word's and LibreOffice's repetition)
	numUpperLetter                    // A … Z, AA …
	numLowerRoman                     // i, ii, iii
	numUpperRoman                     // I, II, III
	numLowerCyrillic                  // а, б, в (Word's russianLower)
	numUpperCyrillic                  // А, Б, В
	numBullet                         // a glyph, no counter
	numNone                           // nothing shown
)

// wordNumFormats maps Word's w:numFmt values to formats. Formats not listed
// (ordinalText, chineseCounting, …) are written as decimals, which keeps
// the value a marker parser can read.
var wordNumFormats = map[string]numFormat{
	"decimal":      numDecimal,
	"decimalZero":  numDecimalZero,
	"lowerLetter":  numLowerLetter,
	"upperLetter":  numUpperLetter,
	"lowerRoman":   numLowerRoman,
	"upperRoman":   numUpperRoman,
	"russianLower": numLowerCyrillic,
	"russianUpper": numUpperCyrillic,
	"bullet":       numBullet,
	"none":         numNone,
}

// odfNumFormat maps an OpenDocument style:num-format ("1", "a", "A", "i",
// "I", "а", "А", empty for none) to a format.
func odfNumFormat(s string) numFormat {
	switch s {
	case "":
		return numNone
	case "a":
		return numLowerLetter
	case "A":
		return numUpperLetter
	case "i":
		return numLowerRoman
	case "I":
		return numUpperRoman
	case "а", "а, б, .. я":
		return numLowerCyrillic
	case "А", "А, Б, .. Я":
		return numUpperCyrillic
	}
	return numDecimal
}

// maxListNumber caps a rendered counter: a start value or override beyond
// it (a damaged or hostile file) is written as this many, so that
// rendering stays cheap (letters repeat n/26 times) and Roman numerals
// stay in their range.
const maxListNumber = 3999

// cyrillicLetters are the letters Word's russianLower counts with (no ё,
// й, ъ, ы, ь).
var cyrillicLetters = []rune("абвгдежзиклмнопрстуфхцчшщэюя")

// formatNumber writes n (>= 0) in format f. Letters repeat after the
// alphabet as Word and LibreOffice do: 27 is "aa".
func formatNumber(n int, f numFormat) string {
	n = min(max(n, 0), maxListNumber)
	switch f {
	case numDecimalZero:
		if n < 10 {
			return "0" + strconv.Itoa(n)
		}
	case numLowerLetter, numUpperLetter, numLowerCyrillic, numUpperCyrillic:
		if n == 0 {
			return "0"
		}
		alpha := []rune("abcdefghijklmnopqrstuvwxyz")
		if f == numLowerCyrillic || f == numUpperCyrillic {
			alpha = cyrillicLetters
		}
		s := strings.Repeat(string(alpha[(n-1)%len(alpha)]), (n-1)/len(alpha)+1)
		if f == numUpperLetter || f == numUpperCyrillic {
			s = strings.ToUpper(s)
		}
		return s
	case numLowerRoman, numUpperRoman:
		if n == 0 {
			return "0"
		}
		if f == numLowerRoman {
			return strings.ToLower(toRoman(n))
		}
		return toRoman(n)
	case numBullet, numNone:
		return ""
	}
	return strconv.Itoa(n)
}

// listCounters are the counters of one list's levels. A level that has
// not been counted yet shows its start value.
type listCounters struct {
	value [maxListLevels]int
	set   [maxListLevels]bool
}

// maxListLevels is the number of list levels Word (9) and OpenDocument
// (10) define; deeper levels are counted as the deepest.
const maxListLevels = 10

// advance counts a paragraph at level lvl (0-based) whose level starts at
// start: the level's counter moves on (or starts), and the deeper levels
// for which restarts(d) holds start again.
func (c *listCounters) advance(lvl, start int, restarts func(d int) bool) int {
	lvl = min(max(lvl, 0), maxListLevels-1)
	if c.set[lvl] {
		c.value[lvl] = min(c.value[lvl]+1, maxListNumber)
	} else {
		c.value[lvl], c.set[lvl] = start, true
	}
	for d := lvl + 1; d < maxListLevels; d++ {
		if restarts(d) {
			c.set[d] = false
		}
	}
	return c.value[lvl]
}

// current returns level lvl's counter, or start when it has not been
// counted.
func (c *listCounters) current(lvl, start int) int {
	if c.set[lvl] {
		return c.value[lvl]
	}
	return start
}
