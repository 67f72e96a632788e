package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// exitStatusText ends every --help: the exit codes of CONTRACT (docs/cli.md).
const exitStatusText = `
Exit status:
  0  success
  1  failure: a message on stderr names the file and, where it applies, the line
  2  usage error: a flag, a language code or the inputs given are wrong
  3  a quality gate was not met (coverage --min, compare --fail-on)
  130, 143  interrupted by Ctrl-C (SIGINT) or SIGTERM
`

// printVersion writes the module version and the VCS revision the binary
// was built from, as the Go toolchain recorded them.
func printVersion(w io.Writer) {
	fmt.Fprintf(w, "paralign %s\n", buildVersion())
}

// buildVersion is the module version ("v1.2.0", "(devel)" for a build
// from a checkout) and, when the toolchain recorded it, the VCS revision:
// "(devel) (386df20f1a2b, modified)". --version prints it, and TMX names
// it as creationtoolversion.
func buildVersion() string {
	version, revision, modified := "(devel)", "", false
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v := bi.Main.Version; v != "" {
			version = v
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				revision = s.Value
			case "vcs.modified":
				modified = s.Value == "true"
			}
		}
	}
	if revision == "" {
		return version
	}
	version += " (" + revision[:min(len(revision), 12)]
	if modified {
		version += ", modified"
	}
	return version + ")"
}

// maxSuggestDistance is the largest edit distance at which an unknown
// command is taken for a misspelling of a known one ("algin", "detcet").
const maxSuggestDistance = 2

// suggest returns the known name closest to name, "" when none is within
// maxSuggestDistance.
func suggest(name string, known []string) string {
	best, bestD := "", maxSuggestDistance+1
	for _, k := range known {
		d := editDistance(strings.ToLower(name), k)
		if strings.HasPrefix(k, strings.ToLower(name)) && len(name) >= 2 {
			d = min(d, 1) // a prefix: "cov" for coverage
		}
		if d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// unknownCommand writes the one-line error for an unknown command, with a
// suggestion when the name is close to a known one.
func unknownCommand(w io.Writer, name string) {
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	fmt.Fprintf(w, "paralign: unknown command %q", name)
	if s := suggest(name, names); s != "" {
		fmt.Fprintf(w, "; did you mean %q?", s)
	}
	fmt.Fprintf(w, "\nRun 'paralign --help' for the commands.\n")
}
