package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestGoldenDetect: every paragraph's language and confidence, and the
// seed's rows, are as reviewed in the golden files; a change to
// detection's speed (issue 11: warm-up, script shortcut, probe gating)
// must leave them as they are.
func TestGoldenDetect(t *testing.T) {
	for _, name := range []string{"kazakhstan-2022/combined.txt", "blog-mixed-en-de/doc.txt", "charter/combined.txt",
		"udhr-nltk/en.txt", "udhr-nltk/ru.txt", "udhr-nltk/es.txt", "udhr-nltk/de.txt"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("../../testdata", name)
			golden(t, strings.TrimSuffix(path, ".txt")+".detect.golden.tsv", runCLI(t, "detect", path))
		})
	}
	seed := "../../testdata/kazakhstan-2022/combined.txt"
	golden(t, "../../testdata/kazakhstan-2022/golden.tsv", runCLI(t, "align", seed))
}
