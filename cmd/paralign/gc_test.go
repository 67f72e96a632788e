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
	if v, set := os.LookupEnv("GOGC"); set {
		defer os.Setenv("GOGC", v)
	} else {
		defer os.Unsetenv("GOGC")
	}

	os.Unsetenv("GOGC")
	setGC(heapGrowth)
	if got := gcPercent(); got != heapGrowth {
		t.Errorf("without GOGC: target %d, want %d", got, heapGrowth)
	}

	// the user's GOGC stands, whatever it is
	os.Setenv("GOGC", "300")
	debug.SetGCPercent(300)
	setGC(heapGrowth)
	if got := gcPercent(); got != 300 {
		t.Errorf("with GOGC=300: target %d, want 300", got)
	}
}
