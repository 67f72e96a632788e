package align

import (
	"slices"
	"testing"
)

// A long target is read at the same time as its source, with keys of its
// own that adopt renumbers: every unit must end with the keys, and every
// key with the id, class and counts, that reading the two texts one after
// the other gives.
func TestAdoptKeepsTheIDs(t *testing.T) {
	sides := charterSentences(t)
	src, tgt := sides[0], dropEvery(sides[1], 5)
	m := defaultBeadModel()
	read := func(tk *tokenizer, t int, units []string) []unitText {
		var out []unitText
		for _, s := range units {
			out = append(out, tk.text(s, t))
		}
		return out
	}
	want := newAnchorKeys()
	tk := newTokenizer(want, m.prefixLen, nil)
	wantSrc, wantTgt := read(tk, 0, src), read(tk, 1, tgt)

	got, own := newAnchorKeys(), newAnchorKeys()
	gotSrc := read(newTokenizer(got, m.prefixLen, nil), 0, src)
	gotTgt := read(newTokenizer(own, m.prefixLen, nil), 1, tgt)
	got.adopt(own, gotTgt)

	if len(got.class) != len(want.class) {
		t.Fatalf("%d keys, want %d", len(got.class), len(want.class))
	}
	for id := range want.class {
		if got.class[id] != want.class[id] || got.df[0][id] != want.df[0][id] || got.df[1][id] != want.df[1][id] {
			t.Errorf("key %d: class %d df %d %d, want class %d df %d %d", id,
				got.class[id], got.df[0][id], got.df[1][id], want.class[id], want.df[0][id], want.df[1][id])
		}
	}
	for name, id := range want.ids {
		if got.ids[name] != id {
			t.Errorf("key %q: id %d, want %d", name, got.ids[name], id)
		}
	}
	for k, pair := range [][2][]unitText{{gotSrc, wantSrc}, {gotTgt, wantTgt}} {
		for i := range pair[1] {
			if !slices.Equal(pair[0][i].keys, pair[1][i].keys) {
				t.Errorf("text %d unit %d: keys %v, want %v", k, i, pair[0][i].keys, pair[1][i].keys)
			}
		}
	}
}
