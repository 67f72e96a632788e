package corpus

// ReadDOCX reads a Word document's paragraphs in document order.
func ReadDOCX(data []byte, name string) ([]Paragraph, error) {
	return nil, &ParseError{File: name, Err: unsupported("Word documents are not read yet; save the document as .html or .txt")}
}

// ReadODT reads an OpenDocument text's paragraphs in document order.
func ReadODT(data []byte, name string) ([]Paragraph, error) {
	return nil, &ParseError{File: name, Err: unsupported("OpenDocument texts are not read yet; save the document as .html or .txt")}
}
