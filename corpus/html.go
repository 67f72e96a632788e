package corpus

// ReadHTML renders an HTML page to paragraphs as a browser shows it.
func ReadHTML(data []byte, name, enc string) ([]Paragraph, error) {
	return nil, &ParseError{File: name, Err: unsupported("HTML is not read yet")}
}
