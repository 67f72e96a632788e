package main

import (
	"os"
	"runtime/debug"
	"testing"
)

// gcPercent returns the garbage collector's target, leaving it as it is.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

func TestSetGC(t *testing.T) {
	defer debug.SetGCPercent(gcPercent())
	for _, tc := range []struct {
		gogc string // "-": unset
		want int
	}{
		{"-", heapGrowth},
		{"", heapGrowth}, // empty is no value, as for the runtime
		{"300", 300},     // the user's setting stands
		{"off", 300},
	} {
		t.Setenv("GOGC", tc.gogc) // restored when the test ends
		if tc.gogc == "-" {
			os.Unsetenv("GOGC")
		}
		debug.SetGCPercent(300) // as the runtime would have set it from GOGC
		setGC(heapGrowth)
		if got := gcPercent(); got != tc.want {
			t.Errorf("GOGC %q: target %d, want %d", tc.gogc, got, tc.want)
		}
	}
}
