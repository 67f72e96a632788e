package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/paralign/paralign/corpus"
)

// TestCheckTarget checks -o paths before a run: what is written where,
// and which paths are refused with which message.
func TestCheckTarget(t *testing.T) {
	dir := t.TempDir()
	mk := func(name string, perm os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("old\n"), perm); err != nil {
			t.Fatal(err)
		}
		return p
	}
	file := mk("file.tsv", 0o644)
	ro := mk("ro.tsv", 0o444)
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.tsv")
	dangling := filepath.Join(dir, "dangling.tsv")
	if err := os.Symlink(file, link); err != nil {
		t.Skipf("symlink: %v", err)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere", "x"), dangling); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name    string
		path    string
		force   bool
		dest    string // the file written; "" when refused
		inPlace bool
		err     string // a substring of the error
	}{
		{name: "new file", path: filepath.Join(dir, "new.tsv"), dest: filepath.Join(dir, "new.tsv")},
		{name: "existing file", path: file, dest: file},
		{name: "symbolic link: its target", path: link, dest: file},
		{name: "read-only", path: ro, err: "read-only; --force replaces it"},
		{name: "read-only with --force", path: ro, force: true, dest: ro},
		{name: "directory", path: sub, err: "is a directory; -o wants a file path"},
		{name: "trailing slash", path: filepath.Join(dir, "x") + string(filepath.Separator), err: "names a directory"},
		{name: "missing directory", path: filepath.Join(dir, "nodir", "out.tsv"), err: "cannot write: no such directory"},
		{name: "file as directory", path: filepath.Join(file, "out.tsv"), err: "cannot write"},
		{name: "link to a missing file", path: dangling, err: "a symbolic link to a missing file"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := checkTarget(tt.path, tt.force)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("checkTarget(%q) error = %v, want one saying %q", tt.path, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("checkTarget(%q): %v", tt.path, err)
			}
			if got.dest != tt.dest || got.inPlace != tt.inPlace {
				t.Errorf("checkTarget(%q) = dest %q in place %v, want %q %v", tt.path, got.dest, got.inPlace, tt.dest, tt.inPlace)
			}
		})
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 5 {
		t.Errorf("checking left files behind: %v", entries)
	}
}

func TestIsDescriptorLink(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no descriptor paths")
	}
	dir := t.TempDir()
	link := filepath.Join(dir, "out")
	if err := os.Symlink("/dev/stdout", link); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"/dev/stdout":     true,
		"/dev/stderr":     true,
		"/dev/fd/3":       true,
		"/proc/self/fd/1": true,
		"/proc/42/fd/1":   true,
		"//dev/./stdout":  true,
		link:              true,
		"/dev/null":       false,
		"/dev/fd":         false,
		"stdout":          false,
		"out.tsv":         false,
	} {
		if got := isDescriptorLink(path); got != want {
			t.Errorf("isDescriptorLink(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestOutputPaths(t *testing.T) {
	dir := t.TempDir()
	langs := []corpus.Lang{"en", "ru", "de"}
	sep := string(filepath.Separator)
	for _, tt := range []struct {
		path  string
		split split
		want  []string
		err   bool
	}{
		{path: "", want: nil},
		{path: "-", split: pairPrefix, want: nil},
		{path: "out.tsv", want: []string{"out.tsv"}},
		{path: "corpus", split: pairPrefix, want: []string{"corpus.en-ru.en", "corpus.en-ru.ru", "corpus.en-de.en", "corpus.en-de.de", "corpus.ru-de.ru", "corpus.ru-de.de"}},
		{path: "." + sep, split: pairPrefix, err: true},
		{path: ".", split: pairPrefix, err: true},
		{path: "..", split: pairPrefix, err: true},
		{path: "out" + sep, split: pairPrefix, err: true},
		{path: dir, split: pairPrefix, err: true},
		{path: filepath.Join(dir, "c"), split: pairPrefix, want: []string{filepath.Join(dir, "c.en-ru.en"), filepath.Join(dir, "c.en-ru.ru"), filepath.Join(dir, "c.en-de.en"), filepath.Join(dir, "c.en-de.de"), filepath.Join(dir, "c.ru-de.ru"), filepath.Join(dir, "c.ru-de.de")}},
		{path: dir, split: pairDir, want: []string{filepath.Join(dir, "en-ru.tmx"), filepath.Join(dir, "en-de.tmx"), filepath.Join(dir, "ru-de.tmx")}},
	} {
		got, err := outputPaths(tt.path, tt.split, langs)
		if (err != nil) != tt.err || strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("outputPaths(%q, %v) = %q, %v; want %q, error %v", tt.path, tt.split, got, err, tt.want, tt.err)
		}
	}
}

func TestQuoteName(t *testing.T) {
	for name, want := range map[string]string{
		"en.txt":         "en.txt",
		"Заявление.txt":  "Заявление.txt",
		"with space.txt": "with space.txt",
		"a\tb.txt":       `"a\tb.txt"`,
		"a\nb.txt":       `"a\nb.txt"`,
		"esc\x1b[31m":    `"esc\x1b[31m"`,
		"bad\xff.txt":    `"bad\xff.txt"`,
	} {
		if got := quoteName(name); got != want {
			t.Errorf("quoteName(%q) = %s, want %s", name, got, want)
		}
	}
}
