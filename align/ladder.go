package align

import (
	"bufio"
	"io"
	"strconv"
)

// WriteLadder writes beads in the ladder format of Vecalign and Bertalign:
// one bead per line, "[i, j]:[k]:SCORE", 0-based indexes, "[]" for the
// empty side of a 1:0 or 0:1 bead, the score with four decimals, LF line
// ends. It returns the first error of w.
func WriteLadder(w io.Writer, beads []Bead) error {
	bw := bufio.NewWriter(w)
	var buf []byte
	for _, b := range beads {
		buf = appendIndexes(buf[:0], b.Src)
		buf = append(buf, ':')
		buf = appendIndexes(buf, b.Tgt)
		buf = append(buf, ':')
		buf = strconv.AppendFloat(buf, b.Score, 'f', 4, 64)
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return bw.Flush()
}

func appendIndexes(buf []byte, idx []int) []byte {
	buf = append(buf, '[')
	for k, i := range idx {
		if k > 0 {
			buf = append(buf, ", "...)
		}
		buf = strconv.AppendInt(buf, int64(i), 10)
	}
	return append(buf, ']')
}
