package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/google/go-cmp/cmp"

	"github.com/paralign/paralign/beam/pipeline"
	"github.com/paralign/paralign/corpus"
	"github.com/paralign/paralign/internal/docgen"
)

func TestMain(m *testing.M) { ptest.MainWithDefault(m, "prism") }

// testSets is the number of generated document sets the pipeline runs
// on: every layout occurs, and prism runs them in seconds.
const testSets = 24

var enru = []corpus.Lang{"en", "ru"}

// paralign builds the single-machine command from the parent module.
func paralign(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "paralign")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/paralign")
	cmd.Dir = "../.."
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/paralign: %v\n%s", err, out)
	}
	return bin
}

// alignRows runs paralign align --format jsonl on one document alone
// and returns its rows as the pipeline writes them, with a leading doc.
func alignRows(t *testing.T, bin, doc string, args []string) []string {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"align", "--format", "jsonl", "--langs", "en,ru"}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("paralign align %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	name, _ := json.Marshal(doc)
	var rows []string
	for line := range strings.Lines(string(out)) {
		rows = append(rows, `{"doc":`+string(name)+","+strings.TrimSuffix(line, "\n")[1:])
	}
	return rows
}

// readShards reads the lines of every file matching glob, in document
// order: the shards concatenated, then sorted by the doc field (stable,
// so a document's rows keep their order).
func readShards(t *testing.T, glob string) []string {
	t.Helper()
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		t.Fatalf("%s: no file (%v)", glob, err)
	}
	var lines []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for l := range strings.Lines(string(data)) {
			lines = append(lines, strings.TrimSuffix(l, "\n"))
		}
	}
	doc := func(l string) string {
		var r struct{ Doc string }
		json.Unmarshal([]byte(l), &r)
		return r.Doc
	}
	slices.SortStableFunc(lines, func(a, b string) int { return strings.Compare(doc(a), doc(b)) })
	return lines
}

// TestPipelineMatchesAlign runs the pipeline on prism over generated
// document sets (a manifest) and checks its JSONL rows against paralign
// align run on each set alone, its summary's counts, and that every Moses
// pair is line for line.
func TestPipelineMatchesAlign(t *testing.T) {
	dir := t.TempDir()
	sets, err := docgen.Generate("../../testdata", dir, docgen.Options{N: testSets, Seed: 7, Langs: enru, Whole: 0.05})
	if err != nil {
		t.Fatal(err)
	}
	var manifest bytes.Buffer
	for _, s := range sets {
		manifest.Write(s.Line)
		manifest.WriteByte('\n')
	}
	manifest.WriteString(`{"doc": "zz-gone", "files": {"en": {"path": "` + dir + `/nope.txt"}}}` + "\n")
	if err := os.WriteFile(filepath.Join(dir, "docs.jsonl"), manifest.Bytes(), 0o666); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out", "corpus")
	os.MkdirAll(filepath.Dir(out), 0o777)
	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(context.Background(), s, pipeline.Options{Manifest: filepath.Join(dir, "docs.jsonl"), Output: out, Langs: enru, Shards: 3}); err != nil {
		t.Fatal(err)
	}
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline on prism: %v", err)
	}

	bin := paralign(t)
	var want []string
	for _, set := range sets {
		want = append(want, alignRows(t, bin, set.Doc, set.AlignArgs())...)
	}
	got := readShards(t, out+"-rows-*.jsonl")
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pipeline rows against paralign align on each set alone (-want +got):\n%s", diff)
	}
	tsv := readShards(t, out+"-rows-*.tsv")
	if n := len(tsv) - 3; n != len(want) { // a header per shard
		t.Errorf("TSV rows: %d, want %d", n, len(want))
	}

	var sum pipeline.Summary
	data, err := os.ReadFile(out + "-summary.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &sum); err != nil {
		t.Fatal(err)
	}
	if sum.Documents != testSets || sum.Failed != 1 {
		t.Errorf("summary: %d documents, %d failed; want %d and 1", sum.Documents, sum.Failed, testSets)
	}
	if sum.Coverage["en"].Documents == 0 || sum.Coverage["en"].Total == 0 {
		t.Errorf("summary: no English coverage: %+v", sum.Coverage)
	}
	errs, err := os.ReadFile(out + "-errors.jsonl")
	if err != nil || !strings.Contains(string(errs), `"doc":"zz-gone"`) || !strings.Contains(string(errs), "nope.txt") {
		t.Errorf("errors file: %q (%v), want the record of zz-gone", errs, err)
	}

	ens, _ := filepath.Glob(out + "-moses-*.en-ru.en")
	if len(ens) == 0 {
		t.Fatalf("no Moses file %s-moses-*.en-ru.en", out)
	}
	for _, en := range ens {
		a, _ := os.ReadFile(en)
		b, _ := os.ReadFile(strings.TrimSuffix(en, ".en") + ".ru")
		if bytes.Count(a, []byte("\n")) != bytes.Count(b, []byte("\n")) || len(a) == 0 {
			t.Errorf("%s: %d lines, its .ru %d", en, bytes.Count(a, []byte("\n")), bytes.Count(b, []byte("\n")))
		}
	}
}

// TestPipelineGlob runs the pipeline on a glob of files named by
// paralign's rules and checks the rows against paralign align on the
// same files.
func TestPipelineGlob(t *testing.T) {
	dir := t.TempDir()
	for src, dst := range map[string]string{"charter/en.txt": "charter.en.txt", "charter/ru.txt": "charter_ru.txt", "kazakhstan-2022/combined.txt": "seed.txt"} {
		data, err := os.ReadFile(filepath.Join("../../testdata", src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, dst), data, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "g")
	p, s := beam.NewPipelineWithRoot()
	if err := pipeline.Build(context.Background(), s, pipeline.Options{Input: dir + "/*.txt", Output: out, Langs: enru, Shards: 1}); err != nil {
		t.Fatal(err)
	}
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline on prism: %v", err)
	}
	bin := paralign(t)
	want := alignRows(t, bin, "charter", []string{"--input", "en=" + dir + "/charter.en.txt", "--input", "ru=" + dir + "/charter_ru.txt"})
	want = append(want, alignRows(t, bin, "seed", []string{dir + "/seed.txt"})...)
	if diff := cmp.Diff(want, readShards(t, out+"-rows-*.jsonl")); diff != "" {
		t.Errorf("pipeline rows against paralign align (-want +got):\n%s", diff)
	}
}
