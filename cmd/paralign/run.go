package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"

	"github.com/spf13/pflag"
)

// Exit codes, as CONTRACT.md sets them.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
	exitGate  = 3
)

const usageText = `paralign: align multilingual versions of a document

Usage:
  paralign detect   [flags] FILE...   language of every paragraph
  paralign align    [flags] FILE...   parallel output, one row per aligned unit
  paralign coverage [flags] FILE...   which sections exist in which language
  paralign compare  [flags] FILE...   translation QA: what differs between the versions
  paralign convert  [flags] FILE      a table align wrote, edited or not, in another format
  paralign ls       [flags] DIR|FILE... how files are grouped into documents
  paralign stream   [flags] < JSONL   many document sets as JSON Lines, for engines that pipe
  paralign dict import [flags] DICT   a bilingual dictionary for --dict

FILE is a path or - for standard input. One file is a combined document
with its language versions one after another; several files are one
language version each (or name them: --input en=a.txt --input ru=b.txt).
A folder, or files whose names say they are different documents
(name.en.md, name_ru.txt, en/name.html), run as many documents: one
output per document, rows on standard output with a leading doc column.

Run 'paralign COMMAND --help' for a command's flags and examples,
'paralign --version' for the version.
` + exitStatusText

// usageError is a problem with the command line: exit 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// command is one subcommand: its flags and what it does.
type command struct {
	name string
	// args is what the command reads, for its usage line; "" means
	// FILE...
	args    string
	summary string
	example string
	flags   func(fs *pflag.FlagSet) any
	run     func(ctx context.Context, env *env, opts any, args []string) error
}

// env is what a command runs with: standard streams and the signal context.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	// writing is read-locked while a temporary -o file exists; run locks
	// it after a signal, so it returns only when none is left. Nil: no
	// signal handling (tests calling a command directly).
	writing *sync.RWMutex
}

var commands = []command{detectCommand, alignCommand, coverageCommand, compareCommand, convertCommand, lsCommand, streamCommand, dictCommand}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 && (args[0] == "--version" || args[0] == "version") {
		printVersion(stdout)
		return exitOK
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, usageText)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	var cmd *command
	for i := range commands {
		if commands[i].name == args[0] {
			cmd = &commands[i]
		}
	}
	if cmd == nil {
		unknownCommand(stderr, args[0])
		return exitUsage
	}
	fs := pflag.NewFlagSet(cmd.name, pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.SortFlags = false
	opts := cmd.flags(fs)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			printHelp(stdout, cmd, fs)
			return exitOK
		}
		fmt.Fprintf(stderr, "paralign %s: %v\nRun 'paralign %s --help' for usage.\n", cmd.name, err, cmd.name)
		return exitUsage
	}
	sigs := make(chan os.Signal, 2)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	defer signal.Stop(sigs)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, writing: new(sync.RWMutex)}
	done := make(chan error, 1)
	go func() { done <- cmd.run(ctx, e, opts, fs.Args()) }()
	var err error
	select {
	case err = <-done:
	case sig := <-sigs:
		cancel()
		return stopped(sig, sigs, e, stderr)
	}
	var ue *usageError
	var ge *gateError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "paralign %s: %v\nRun 'paralign %s --help' for usage.\n", cmd.name, err, cmd.name)
		return exitUsage
	case errors.As(err, &ge):
		fmt.Fprintf(stderr, "paralign %s: %v\n", cmd.name, err)
		return exitGate
	default:
		fmt.Fprintf(stderr, "paralign: %v\n", err)
		return exitFail
	}
}

// stopped ends a run on a signal, at once: the command's work is left to
// the process's exit (reading, detection and alignment leave nothing
// behind), except a temporary -o file, which the command removes on seeing
// ctx cancelled; stopped waits for that, unless a second signal comes. It
// prints one line and returns 128 plus the signal's number, as a shell
// reports a process a signal ended (130 for Ctrl-C, 143 for SIGTERM).
func stopped(sig os.Signal, sigs <-chan os.Signal, e *env, stderr io.Writer) int {
	clean := make(chan struct{})
	go func() {
		e.writing.Lock() // no temporary file left, and none made from now on
		close(clean)
	}()
	select {
	case <-clean:
	case <-sigs:
	}
	what := "interrupted"
	if sig == syscall.SIGTERM {
		what = "terminated"
	}
	fmt.Fprintf(stderr, "paralign: %s\n", what)
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return exitFail
}

// gateError is a quality gate not met: exit 3.
type gateError struct{ msg string }

func (e *gateError) Error() string { return e.msg }

func printHelp(w io.Writer, cmd *command, fs *pflag.FlagSet) {
	args := cmp.Or(cmd.args, "FILE...")
	fmt.Fprintf(w, "Usage: paralign %s [flags] %s\n\n%s\n\nFlags:\n%s\nExamples:\n%s%s", cmd.name, args, cmd.summary, fs.FlagUsages(), indent(cmd.example), exitStatusText)
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "  " + l
		}
	}
	return strings.Join(lines, "\n") + "\n"
}
