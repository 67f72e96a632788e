package corpus

// ReadODT reads an OpenDocument text's paragraphs in document order.
func ReadODT(data []byte, name string) ([]Paragraph, error) {
	return nil, &ParseError{File: name, Err: unsupported("OpenDocument texts are not read yet; save the document as .docx, .html or .txt")}
}
