// Package langid finds the language of every paragraph of a document,
// offline, with lingua-go's statistical models.
//
// A Detector is built for a set of candidate languages (only their models
// are loaded) and is safe for concurrent use. Detect labels one text on its
// own; Label labels the paragraphs of a document in order and then uses
// their context: a short or uncertain paragraph between two paragraphs of
// the same language takes theirs; between two languages (where one
// version of a combined file ends and the next begins) the next version
// opens at its heading, and what comes before the heading (an address, a
// list of names) closes the version before.
//
// Labels follow CONTRACT.md: a language, corpus.Und when the best two
// languages are too close to call, corpus.NoLang when the text has no
// letters once URLs and e-mail addresses are set aside.
package langid
