#!/usr/bin/env bash
# Renders `paralign compare --format html` pages in headless Chromium and
# writes the screenshots the README shows under docs/:
#   compare-seed.png      the seed statement with two planted faults (a
#                         number changed, a sentence deleted in es)
#   compare-udhr.png      the UDHR's en and ru (ru ends inside article 26):
#                         the top of the page, findings list and badges
# (headless Chromium draws a blank page when the URL has a fragment such
# as #s-26, so the rows far down are not shot)
#
#   scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$bin" ]; then
	echo "no chromium on PATH (Debian: apt-get install chromium)" >&2
	exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/paralign" ./cmd/paralign
seed=testdata/kazakhstan-2022/combined.txt
sed -e 's/30 años/35 años/' \
	-e 's/ En especial, saludamos a los trabajadores industriales de Kazajistán Occidental que han sido el corazón de esta gran movilización popular\.//' \
	"$seed" >"$work/seed-faulted.txt"
cp testdata/udhr-nltk/en.txt testdata/udhr-nltk/ru.txt "$work/"
(cd "$work" && ./paralign compare --format html --fail-on none -o seed.html seed-faulted.txt)
(cd "$work" && ./paralign compare --format html --fail-on none -o udhr.html --input en=en.txt --input ru=ru.txt)
shoot() { # NAME PAGE HEIGHT
	"$bin" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
		--screenshot="docs/$1.png" --window-size=1200,"$3" "file://$work/$2" 2>/dev/null
	echo "docs/$1.png"
}
shoot compare-seed seed.html 900
shoot compare-udhr udhr.html 600
