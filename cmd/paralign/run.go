package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
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
  paralign ls       [flags] DIR|FILE... how files are grouped into documents

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
	name    string
	summary string
	example string
	flags   func(fs *pflag.FlagSet) any
	run     func(ctx context.Context, env *env, opts any, args []string) error
}

// env is what a command runs with: standard streams and the signal context.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

var commands = []command{detectCommand, alignCommand, coverageCommand, compareCommand, lsCommand}

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
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := cmd.run(ctx, &env{stdin: stdin, stdout: stdout, stderr: stderr}, opts, fs.Args())
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

// gateError is a quality gate not met: exit 3.
type gateError struct{ msg string }

func (e *gateError) Error() string { return e.msg }

func printHelp(w io.Writer, cmd *command, fs *pflag.FlagSet) {
	fmt.Fprintf(w, "Usage: paralign %s [flags] FILE...\n\n%s\n\nFlags:\n%s\nExamples:\n%s%s", cmd.name, cmd.summary, fs.FlagUsages(), indent(cmd.example), exitStatusText)
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
