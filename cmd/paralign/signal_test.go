package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestInterrupt interrupts paralign align (SIGINT) in the middle of a
// run of several seconds and checks that it fails and leaves no partial
// output: -o's file not created, or unchanged when it existed, and no
// temporary file. The command is the test binary itself, as testscript
// installs it on PATH.
func TestInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("runs paralign on half a megabyte for seconds")
	}
	bin, err := exec.LookPath("paralign")
	if err != nil {
		t.Fatalf("paralign is not on PATH (TestMain installs it): %v", err)
	}
	dir := t.TempDir()
	var in []string
	for _, l := range []string{"en", "de"} {
		text, err := os.ReadFile(filepath.Join("../../testdata/charter", l+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, l+".txt")
		big := bytes.Repeat(append(text, "\n\n"...), (256<<10)/len(text)+1)
		if err := os.WriteFile(path, big, 0o644); err != nil {
			t.Fatal(err)
		}
		in = append(in, path)
	}
	for _, tt := range []struct {
		name   string
		before []byte // the output file's content before the run; nil: none
	}{
		{name: "new file"},
		{name: "existing file", before: []byte("id\ten\n1\tkept\n")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".tsv")
			if tt.before != nil {
				if err := os.WriteFile(out, tt.before, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cmd := exec.Command(bin, append([]string{"align", "--by", "sentence", "-o", out}, in...)...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			start := time.Now()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Second)
			if err := cmd.Process.Signal(os.Interrupt); err != nil {
				t.Fatalf("interrupt: %v (the run ended within a second: make the input larger)", err)
			}
			sent := time.Now()
			err := cmd.Wait()
			t.Logf("stopped %v after the interrupt, %v after the start; stderr: %q", time.Since(sent).Round(time.Millisecond), time.Since(start).Round(time.Millisecond), stderr.String())
			if err == nil {
				t.Fatalf("paralign align exited 0 after an interrupt")
			}
			if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() > 0 {
				if ee.ExitCode() != exitFail {
					t.Errorf("exit status %d after an interrupt, want %d", ee.ExitCode(), exitFail)
				}
				if got := stderr.String(); got != "paralign: interrupted\n" {
					t.Errorf("stderr %q, want %q", got, "paralign: interrupted\n")
				}
			}
			got, err := os.ReadFile(out)
			switch {
			case tt.before == nil && err == nil:
				t.Errorf("%s was written (%d bytes) by an interrupted run", out, len(got))
			case tt.before != nil && !bytes.Equal(got, tt.before):
				t.Errorf("%s changed by an interrupted run: %q, want %q (%v)", out, got, tt.before, err)
			}
			tmp, _ := filepath.Glob(filepath.Join(dir, ".paralign-*.tmp"))
			if len(tmp) > 0 {
				t.Errorf("temporary files left behind: %v", tmp)
			}
		})
	}
}
