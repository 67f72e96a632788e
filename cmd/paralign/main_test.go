package main

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/text/encoding/charmap"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"paralign": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScript runs the command-line tests in testdata/script: each script
// asserts stdout, stderr and the exit status of paralign commands. The
// repository's testdata is reachable as $TESTDATA; $BIGMB is the size of
// the one-line file of badinput.txtar, 20 unless PARALIGN_BIG_MB says
// otherwise (200 is the size the issue names). The condition [root] holds
// when the tests run as root, who can read any file.
func TestScript(t *testing.T) {
	abs, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	big := os.Getenv("PARALIGN_BIG_MB")
	if big == "" {
		big = "20"
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(e *testscript.Env) error {
			e.Setenv("TESTDATA", abs)
			e.Setenv("BIGMB", big)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"mkfile": mkfile,
			"exits":  exits,
			"mode":   mode,
			"rowsof": rowsOf,
		},
		Condition: func(cond string) (bool, error) {
			if cond == "root" {
				return os.Geteuid() == 0, nil
			}
			return false, fmt.Errorf("unknown condition %q", cond)
		},
	})
}

// exits runs a command as exec does and checks its exit status, which
// exec and ! exec do not tell apart:
//
//	exits N COMMAND [ARGS...]
func exits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits N COMMAND [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	ts.Check(err)
	got := 0
	var ee *exec.ExitError
	switch err := ts.Exec(args[1], args[2:]...); {
	case err == nil:
	case errors.As(err, &ee):
		got = ee.ExitCode()
	default:
		ts.Fatalf("%s: %v", args[1], err)
	}
	if got != want {
		ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
	}
}

// rowsOf checks that the stream output line of document DOC holds, as its
// rows, the lines of WANT (align --format jsonl's output) byte for byte:
//
//	rowsof STREAM DOC WANT
func rowsOf(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: rowsof STREAM DOC WANT")
	}
	name, err := json.Marshal(args[1])
	ts.Check(err)
	want := strings.Join(strings.Split(strings.TrimSuffix(ts.ReadFile(args[2]), "\n"), "\n"), ",")
	prefix := `{"doc":` + string(name) + `,"rows":[` + want + `],"coverage":`
	for line := range strings.Lines(ts.ReadFile(args[0])) {
		if strings.HasPrefix(line, prefix) {
			return
		}
	}
	ts.Fatalf("%s: no line of document %s with the rows of %s", args[0], name, args[2])
}

// mode checks a file's type and permissions as fs.FileMode prints them,
// without following a symbolic link:
//
//	mode PATH -rw-------
//	mode PATH Lrwxrwxrwx
func mode(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mode PATH MODE")
	}
	info, err := os.Lstat(ts.MkAbs(args[0]))
	ts.Check(err)
	if got := info.Mode().String(); got != args[1] {
		ts.Fatalf("%s: mode %s, want %s", args[0], got, args[1])
	}
}

// mkfile writes a file a txtar archive cannot hold:
//
//	mkfile png NAME         a PNG header and a few chunks
//	mkfile gzip NAME        a gzip stream of some text
//	mkfile latin1 NAME      UTF-8 text with one Latin-1 byte in it
//	mkfile line NAME MB     one line of MB megabytes of words, no newline
//	mkfile bomlatin1 NAME   a UTF-8 byte-order mark, then latin1's text
//	mkfile mixed NAME       four points with CRLF, LF and CR line ends mixed
//	mkfile docx NAME [TEXT] a Word document of one paragraph of TEXT (none: no text)
//	mkfile xlsx NAME        a zip holding a spreadsheet's workbook part
//	mkfile ole NAME         an OLE compound file header (old .doc, encrypted .docx)
//	mkfile cafe NAME        one UTF-8 é, then one Latin-1 byte (ï)
//	mkfile utf8cp1251 NAME  English in UTF-8 (curly quotes), then Russian in Windows-1251
//	mkfile cut NAME         UTF-8 Russian cut off inside its last character
//	mkfile cjk16 NAME ENC   Chinese, Japanese and Korean paragraphs in ENC
//	                        (utf-16le, utf-16be, utf-32le, utf-32be), no byte-order mark
//
// cjkText is Chinese, Japanese and Korean prose of the kind BOM-less
// UTF-16 files from Windows tools hold.
const cjkText = "1. 联合国的宗旨是维持国际和平及安全。\n\n2. 国際連合の目的は、国際の平和及び安全を維持することである。\n\n3. 국제연합의 목적은 국제평화와 안전을 유지하는 것이다.\n"

// encodeUnicode encodes text in UTF-16 or UTF-32 of either byte order,
// without a byte-order mark.
func encodeUnicode(ts *testscript.TestScript, text, enc string) []byte {
	var out []byte
	put := func(u uint32, width int, le bool) {
		for k := range width {
			shift := 8 * k
			if !le {
				shift = 8 * (width - 1 - k)
			}
			out = append(out, byte(u>>shift))
		}
	}
	for _, r := range text {
		switch enc {
		case "utf-16le", "utf-16be":
			le := enc == "utf-16le"
			if r >= 0x10000 {
				r -= 0x10000
				put(uint32(0xd800+r>>10), 2, le)
				put(uint32(0xdc00+r&0x3ff), 2, le)
				continue
			}
			put(uint32(r), 2, le)
		case "utf-32le", "utf-32be":
			put(uint32(r), 4, enc == "utf-32le")
		default:
			ts.Fatalf("mkfile cjk16: unknown encoding %q", enc)
		}
	}
	return out
}

func mkfile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: mkfile png|gzip|latin1|line|bomlatin1|mixed|docx|xlsx|ole NAME [MB|TEXT]")
	}
	var data []byte
	switch args[0] {
	case "png":
		data = append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10"), bytes.Repeat([]byte{0, 1, 2, 0xff}, 64)...)
	case "gzip":
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write(bytes.Repeat([]byte("1. The first point of the statement.\n\n"), 50))
		zw.Close()
		data = b.Bytes()
	case "latin1", "bomlatin1":
		data = []byte("1. Ein Absatz über die Straße, der in UTF-8 geschrieben ist.\n\n2. Hier steht ein Latin-1-Byte: Stra\xdfe, und danach wieder UTF-8: Größe, Übung, Äpfel, Öfen.\n")
		if args[0] == "bomlatin1" {
			data = append([]byte("\ufeff"), data...)
		}
	case "cafe":
		data = []byte("1. Le café est ouvert.\n\n2. Le na\xefve client attend.\n")
	case "utf8cp1251":
		data = []byte("1. The “Alliance” was founded in 2001.\n\n")
		ru, err := charmap.Windows1251.NewEncoder().Bytes([]byte("1. «Союз» был основан в 2001 году.\n"))
		ts.Check(err)
		data = append(data, ru...)
	case "cut":
		data = []byte("1. Первый пункт заявления.\n\n2. Второй пункт заявлени\xd1")
	case "cjk16":
		if len(args) != 3 {
			ts.Fatalf("usage: mkfile cjk16 NAME ENC")
		}
		data = encodeUnicode(ts, cjkText, args[2])
	case "mixed":
		data = []byte("1. The first point of the statement, ended with CRLF.\r\n\r\n2. The second point, ended with LF.\n\n3. The third point, ended with CR.\r\r4. The fourth point of the statement.\r\n")
	case "docx", "xlsx":
		body := ""
		if len(args) > 2 {
			body = `<w:p><w:r><w:t>` + args[2] + `</w:t></w:r></w:p>`
		}
		entry := "word/document.xml"
		if args[0] == "xlsx" {
			entry = "xl/workbook.xml"
		}
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		w, err := zw.Create(entry)
		ts.Check(err)
		_, err = w.Write([]byte(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`))
		ts.Check(err)
		ts.Check(zw.Close())
		data = b.Bytes()
	case "ole":
		data = append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 504)...)
	case "line":
		if len(args) != 3 {
			ts.Fatalf("usage: mkfile line NAME MB")
		}
		mb, err := strconv.Atoi(args[2])
		ts.Check(err)
		word := []byte("statement ")
		data = bytes.Repeat(word, mb<<20/len(word))
	default:
		ts.Fatalf("mkfile: unknown kind %q", args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), data, 0o644))
}
