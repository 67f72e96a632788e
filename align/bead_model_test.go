package align

import "testing"

// A short sentence the translation joined to the next one: its length says
// little either way, and translators merge such a sentence far more often
// than they drop it. With Omissions (translation QA) the aligner leaves it
// unaligned instead, so that QA can ask whether it was dropped.
func TestShortSentenceIsMergedNotDropped(t *testing.T) {
	src := []string{
		"Wir erreichten den Gipfel kurz nach Mittag und machten eine lange Pause in der Sonne.",
		"Endlich!",
		"Der Abstieg über den Nordgrat dauerte dann länger als geplant, weil der Schnee weich war.",
	}
	tgt := []string{
		"Nous avons atteint le sommet peu après midi et fait une longue pause au soleil.",
		"Enfin, la descente par l'arête nord a duré plus longtemps que prévu, car la neige était molle.",
	}
	if got, want := ladder(AlignUnits(src, tgt, BeadOptions{})), "[0] [0] [1 2] [1] "; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got, want := ladder(AlignUnits(src, tgt, BeadOptions{Omissions: true})), "[0] [0] [1] [] [2] [1] "; got != want {
		t.Errorf("with Omissions: got %s, want %s", got, want)
	}
}
