#!/usr/bin/env bash
# convert-corpus.sh FORMAT OUT [CASES...]: convert every input of the
# answer-key cases (directories holding gold.tsv; default ../shared/corpus)
# to FORMAT (html, docx or odt) with pandoc, as a site or an office user
# would publish them, into OUT/CASE/, with the case's gold.tsv beside them,
# so that ../shared/tools/sectscore can score the converted documents:
#   scripts/convert-corpus.sh html /tmp/conv && ../shared/tools/sectscore --bin paralign /tmp/conv
# Markdown inputs are read as Markdown; in text inputs every line is a
# paragraph (a line-per-paragraph text, as these are, published as a page
# keeps its paragraphs), read as CommonMark.
set -euo pipefail
fmt=${1:?usage: convert-corpus.sh html|docx|odt OUT [CASES...]}
out=${2:?usage: convert-corpus.sh html|docx|odt OUT [CASES...]}
shift 2
[ $# -gt 0 ] || set -- "$(dirname "$0")/../../shared/corpus"
command -v pandoc >/dev/null || { echo "convert-corpus.sh: pandoc not found (apt-get install pandoc)" >&2; exit 1; }
for top in "$@"; do
	find "$top" -name gold.tsv | sort | while read -r gold; do
		dir=$(dirname "$gold")
		case_out="$out/$(basename "$dir")"
		mkdir -p "$case_out"
		cp "$gold" "$case_out/"
		for f in "$dir"/*; do
			name=$(basename "$f")
			case "$name" in gold.tsv | gold_lines.tsv | layout.tsv | SOURCE.md | README.md | golden.tsv) continue ;; esac
			[ -f "$f" ] || continue
			if [ -f "$dir/layout.tsv" ] && [ "$name" != combined.txt ]; then continue; fi
			from=commonmark
			case "$name" in *.md) from=markdown-smart ;; esac
			# pandoc reads UTF-8 only: re-encode legacy files (Cyrillic
			# ones are Windows-1251, the others Latin-1 in these cases)
			src="$f"
			if ! iconv -f utf-8 -t utf-8 "$f" >/dev/null 2>&1; then
				legacy=latin1
				case "$name" in ru*) legacy=cp1251 ;; esac
				src=$(mktemp)
				iconv -f "$legacy" -t utf-8 "$f" >"$src"
			fi
			if [ "$from" = commonmark ]; then
				lines=$(mktemp)
				awk '{ print; print "" }' "$src" >"$lines"
				[ "$src" = "$f" ] || rm -f "$src"
				src=$lines
			fi
			# images are not shipped with the cases: keep their alt text only
			# (an office file embeds its images, and pandoc needs them)
			noimg=$(mktemp)
			sed -E 's/!\[([^]]*)\]\([^)]*\)/\1/g' "$src" >"$noimg"
			[ "$src" = "$f" ] || rm -f "$src"
			src=$noimg
			pandoc -f "$from" -t "$fmt" -s --metadata title=" " -o "$case_out/${name%.*}.$fmt" "$src"
			[ "$src" = "$f" ] || rm -f "$src"
		done
	done
done
