package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/internal/docgen"
)

// streamScaleN is the number of generated document sets
// TestStreamMatchesAlign runs: enough for every layout and variation to
// occur many times, few enough to take seconds. Under the race detector
// (several times slower) it runs streamScaleRaceN, which still has every
// layout and two jobs racing.
const (
	streamScaleN     = 200
	streamScaleRaceN = 40
)

// TestStreamMatchesAlign checks issue 14's promise on generated document
// sets (windows of the fixtures with sections shuffled and dropped,
// per-language and combined files, paths and inline text): paralign
// stream, with one job and with two, writes for every set the rows that
// paralign align --format jsonl writes for it alone, byte for byte, in
// input order.
func TestStreamMatchesAlign(t *testing.T) {
	n := streamScaleN
	if raceEnabled {
		n = streamScaleRaceN
	}
	sets, err := docgen.Generate("../../testdata", t.TempDir(), docgen.Options{N: n, Seed: 14, Langs: []corpus.Lang{"en", "ru"}, Whole: 0.02})
	if err != nil {
		t.Fatal(err)
	}
	var input bytes.Buffer
	want := make([]string, len(sets))
	for i, s := range sets {
		input.Write(s.Line)
		input.WriteByte('\n')
		var out, errOut bytes.Buffer
		args := append([]string{"align", "--format", "jsonl", "--langs", "en,ru"}, s.AlignArgs()...)
		if code := run(args, strings.NewReader(""), &out, &errOut); code != exitOK {
			t.Fatalf("paralign %s: exit %d: %s", strings.Join(args, " "), code, errOut.String())
		}
		want[i] = out.String()
	}
	for _, jobs := range []string{"1", "2"} {
		t.Run("jobs="+jobs, func(t *testing.T) {
			var out, errOut bytes.Buffer
			if code := run([]string{"stream", "--langs", "en,ru", "--jobs", jobs}, bytes.NewReader(input.Bytes()), &out, &errOut); code != exitOK {
				t.Fatalf("paralign stream: exit %d: %s", code, errOut.String())
			}
			dec := json.NewDecoder(&out)
			for i, s := range sets {
				var rec struct {
					Doc   string
					Rows  []json.RawMessage
					Error *string
				}
				if err := dec.Decode(&rec); err != nil {
					t.Fatalf("output line %d: %v", i+1, err)
				}
				if rec.Doc != s.Doc || rec.Error != nil {
					t.Fatalf("output line %d: doc %q, error %v; want doc %q, no error", i+1, rec.Doc, rec.Error, s.Doc)
				}
				var got strings.Builder
				for _, r := range rec.Rows {
					fmt.Fprintf(&got, "%s\n", r)
				}
				if got.String() != want[i] {
					t.Errorf("%s (paralign align --format jsonl %s): stream rows differ\n got: %.300s\nwant: %.300s", s.Doc, strings.Join(s.AlignArgs(), " "), got.String(), want[i])
				}
			}
			if err := dec.Decode(new(any)); err != io.EOF {
				t.Errorf("output has more lines than the %d input lines (%v)", len(sets), err)
			}
		})
	}
}
