//go:build !race

package main

// raceEnabled reports whether the test binary runs under the race detector
// (go test -race): the planted-fault tests then run a sample of the cases.
const raceEnabled = false
