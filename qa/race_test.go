//go:build race

package qa

// raceDetector is set when the tests run with -race, under which the
// language models are some thirty times slower: the long tables then run
// only their first cases.
const raceDetector = true
