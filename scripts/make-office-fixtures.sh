#!/bin/sh
# make-office-fixtures.sh regenerates the Word and OpenDocument fixtures
# under testdata/office from texts the project owns (testdata/charter and
# testdata/kazakhstan-2022), so that the readers are tested on what real
# tools write:
#
#   *.md     the text as Markdown: every point numbered "N." or "N)" at
#            the start of a paragraph becomes an item of an ordered list
#            (continuation paragraphs indented into the item, a new list
#            where the numbering jumps), indented lines of numbers after a
#            first line ("Signatories") a list of their own, other lines
#            kept with hard line breaks and their leading numbers escaped
#   *.docx   pandoc's Word output: the lists are Word automatic numbering
#            (numbering.xml), the title the style Heading 1
#   *.odt    pandoc's OpenDocument output (text:list with list styles)
#   *.lo.docx, *.lo.odt
#            the same documents saved again by LibreOffice (when soffice is
#            installed): another writer's numbering.xml and list styles
#
# Usage: scripts/make-office-fixtures.sh   (from the repository root;
# needs pandoc, and soffice for the LibreOffice copies; NOLO=1 leaves the
# LibreOffice copies as they are). Review the regenerated files with
# go test ./cmd/paralign -run TestOfficeAlignsLikeText before committing.
set -eu
out=testdata/office
mkdir -p "$out"

# tomd converts a plain-text version to Markdown; title=1 makes the first
# paragraph a level-1 heading.
tomd() {
	awk -v title="$2" '
	function flush() { if (n > 0) { nb++; blk[nb] = cur; n = 0; cur = "" } }
	/^[ \t]*$/ { flush(); next }
	{ cur = (n++ ? cur "\n" : "") $0 }
	END {
		flush()
		# the last numbered paragraph: plain paragraphs after it are not
		# continuations of its list item
		for (i = 1; i <= nb; i++) if (blk[i] ~ /^[0-9]+[.)]( |\302\240)/) last = i
		inlist = 0; prev = 0
		for (i = 1; i <= nb; i++) {
			nl = split(blk[i], L, "\n")
			if (i == 1 && title == 1) { print "# " L[1]; print ""; continue }
			if (match(L[1], /^[0-9]+[.)]( |\302\240)+/)) {
				num = substr(L[1], 1, RLENGTH); gsub(/( |\302\240)+$/, "", num)
				delim = substr(num, length(num)); num = substr(num, 1, length(num) - 1) + 0
				if (!inlist || num != prev + 1 || delim != pdelim) { print "<!-- -->"; print "" }
				text = substr(L[1], RLENGTH + 1)
				printf "%d%s %s", num, delim, text
				for (k = 2; k <= nl; k++) printf "\\\n    %s", esc(L[k])
				print ""; print ""
				inlist = 1; prev = num; pdelim = delim
				continue
			}
			items = 0
			for (k = 2; k <= nl; k++) if (L[k] ~ /^[ \t]+[0-9]+[.)] /) items++
			if (items == nl - 1 && L[1] ~ /^[ \t]+[0-9]+[.)] /) {
				# an indented list of names
				print "<!-- -->"; print ""
				for (k = 1; k <= nl; k++) { s = L[k]; sub(/^[ \t]+/, "", s); print s }
				print ""
				inlist = 0
				continue
			}
			if (items == nl - 1 && nl > 1) {
				# a caption over an indented list of names
				print esc(L[1]); print ""; print "<!-- -->"; print ""
				for (k = 2; k <= nl; k++) { s = L[k]; sub(/^[ \t]+/, "", s); print s }
				print ""
				inlist = 0
				continue
			}
			ind = (inlist && i < last) ? "    " : ""
			if (!(inlist && i < last)) inlist = 0
			printf "%s%s", ind, esc(L[1])
			for (k = 2; k <= nl; k++) printf "\\\n%s%s", ind, esc(L[k])
			print ""; print ""
		}
	}
	# esc keeps a line text: a leading list marker or heading sign escaped
	function esc(s) {
		sub(/^[ \t]+/, "", s)
		if (match(s, /^[0-9]+[.)]/)) s = substr(s, 1, RLENGTH - 1) "\\" substr(s, RLENGTH)
		else if (s ~ /^[-*+#>]/) s = "\\" s
		gsub(/\[/, "\\[", s)
		return s
	}' "$1"
}

for l in en de ru es; do
	tomd testdata/charter/$l.txt 1 >"$out/charter-$l.md"
done
tomd testdata/kazakhstan-2022/combined.txt 0 >"$out/kazakhstan-2022.md"

for f in "$out"/*.md; do
	b=${f%.md}
	pandoc -f markdown-smart -t docx -o "$b.docx" "$f"
	pandoc -f markdown-smart -t odt -o "$b.odt" "$f"
done

if [ "${NOLO:-}" = "" ] && command -v soffice >/dev/null; then
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	for b in charter-ru kazakhstan-2022; do
		cp "$out/$b.docx" "$tmp/$b.lo.docx"
		cp "$out/$b.odt" "$tmp/$b.lo.odt"
		# each converts the other tool's file: pandoc's docx to LibreOffice's odt and back
		soffice --headless --convert-to odt --outdir "$tmp/odt" "$tmp/$b.lo.docx" >/dev/null
		soffice --headless --convert-to docx --outdir "$tmp/docx" "$tmp/$b.lo.odt" >/dev/null
		cp "$tmp/odt/$b.lo.odt" "$out/$b.lo.odt"
		cp "$tmp/docx/$b.lo.docx" "$out/$b.lo.docx"
	done
fi
ls -l "$out"
