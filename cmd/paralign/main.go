// Command paralign detects the language of every paragraph of multilingual
// documents, aligns their language versions by numbered section, and
// writes parallel text.
//
// Usage:
//
//	paralign detect   [flags] FILE...   language of every paragraph
//	paralign align    [flags] FILE...   parallel output, one row per aligned unit
//	paralign coverage [flags] FILE...   which sections exist in which language
//	paralign compare  [flags] FILE...   translation QA: what differs between the versions
//	paralign convert  [flags] FILE      a table align wrote, edited or not, in another format
//
// FILE is a path or - for standard input. One file is a combined document
// holding several language versions one after another; several files are one
// language version each. Run "paralign COMMAND --help" for the flags and
// examples. Exit codes: 0 success, 1 failure, 2 usage error, 3 a quality
// gate not met, 128 plus the signal's number when Ctrl-C (130) or SIGTERM
// (143) stopped it.
package main

import "os"

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
