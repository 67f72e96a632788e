//go:build !race

package qa

const raceDetector = false
