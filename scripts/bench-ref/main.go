// Command bench-ref is the reference of scripts/bench.sh: lingua-go called
// directly, as a program using it plainly would, on the paragraphs of the
// files named (the same paragraphs paralign detects: corpus.Read), with the candidates
// en, ru, es and de in high-accuracy mode and -workers goroutines sharing
// one detector. It prints the number of paragraphs and of each language.
//
//	go run ./scripts/bench-ref -workers 2 FILE...
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"sync"

	"github.com/pemistahl/lingua-go"

	"github.com/paralign/paralign/corpus"
)

func main() {
	workers := flag.Int("workers", 2, "goroutines detecting at once")
	flag.Parse()
	var paras []string
	for _, name := range flag.Args() {
		f, err := os.Open(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench-ref:", err)
			os.Exit(1)
		}
		doc, err := corpus.Read(f, name, corpus.ReadOptions{})
		f.Close()
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench-ref:", err)
			os.Exit(1)
		}
		for _, p := range doc.Paragraphs {
			if p.Kind.Content() {
				paras = append(paras, p.Text)
			}
		}
	}
	det := lingua.NewLanguageDetectorBuilder().
		FromLanguages(lingua.English, lingua.Russian, lingua.Spanish, lingua.German).Build()
	labels := make([]lingua.Language, len(paras))
	next := make(chan int)
	var wg sync.WaitGroup
	for range *workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				labels[i], _ = det.DetectLanguageOf(paras[i])
			}
		}()
	}
	for i := range paras {
		next <- i
	}
	close(next)
	wg.Wait()
	count := map[string]int{}
	for _, l := range labels {
		count[l.String()]++
	}
	var keys []string
	for k := range count {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	fmt.Print(len(paras), " paragraphs:")
	for _, k := range keys {
		fmt.Print(" ", k, "=", count[k])
	}
	fmt.Println()
}
