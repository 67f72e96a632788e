#!/usr/bin/env bash
# Renders `paralign compare --format html` pages in headless Chromium and
# writes the screenshots under testdata/screenshots: the seed statement as
# it is, and with two planted faults (a number changed and a sentence
# deleted in the Spanish version).
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
shoot() { # NAME INPUT (relative to DIR)  DIR
	(cd "$3" && "$work/paralign" compare --format html --fail-on none -o "$work/$1.html" "$2")
	"$bin" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$work/profile" \
		--screenshot="testdata/screenshots/$1.png" --window-size=1400,1400 "file://$work/$1.html" 2>/dev/null
	echo "testdata/screenshots/$1.png"
}
shoot seed-compare "$seed" .
shoot seed-faulted-compare seed-faulted.txt "$work"
