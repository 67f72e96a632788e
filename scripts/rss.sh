#!/usr/bin/env bash
# Measures memory and time against input size: the maximum resident set
# size and wall time of `paralign detect` and `paralign align` on inputs
# of 1, 10 and 100 MB (or the sizes in MB given as arguments), and of
# align on the pathological inputs: one paragraph of 50 MB (hard-wrapped
# lines, no blank line) and one line of 200 MB.
#
# detect reads the four-language charter of testdata/charter as one
# combined file repeated to the size; align reads its four language files,
# each repeated to a quarter of the size. Needs GNU time (/usr/bin/time).
#
#   scripts/rss.sh [MB...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1 10 100)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/paralign" ./cmd/paralign

# repeat FILE BYTES OUT: FILE's text repeated, blank line between copies,
# to BYTES or a little more.
repeat() {
	local n=0 size
	size=$(stat -c %s "$1")
	: >"$3"
	while [ $n -lt "$2" ]; do
		cat "$1" >>"$3"
		printf '\n\n' >>"$3"
		n=$((n + size + 2))
	done
}

# measure LABEL INPUT_MB ARGS...: one run, its RSS and wall time.
measure() {
	local label=$1 mb=$2
	shift 2
	local status=0
	/usr/bin/time -f '%M %e' -o "$work/time" "$work/paralign" "$@" -o "$work/out" 2>"$work/stderr" || status=$?
	read -r rss wall <"$work/time"
	printf '%-28s %8s %10.0f %8s %6.1f %6s  %s\n' "$label" "$mb" "$((rss / 1024))" "$wall" \
		"$(awk -v r="$rss" -v m="$mb" 'BEGIN { print r / 1024 / m }')" "$status" "$(head -c 80 "$work/stderr" | head -1)"
}

printf '%-28s %8s %10s %8s %6s %6s  %s\n' run MB_in max_rss_MB wall_s rss/in exit stderr
for mb in "${sizes[@]}"; do
	bytes=$((mb << 20))
	repeat testdata/charter/combined.txt "$bytes" "$work/combined.txt"
	measure "detect combined" "$mb" detect "$work/combined.txt"
	files=()
	for l in en ru es de; do
		repeat "testdata/charter/$l.txt" $((bytes / 4)) "$work/$l.txt"
		files+=("$work/$l.txt")
	done
	measure "align 4 files" "$mb" align "${files[@]}"
	measure "align --format jsonl" "$mb" align --format jsonl "${files[@]}"
	rm -f "$work"/*.txt "$work/out"
done

# one paragraph of 50 MB: hard-wrapped lines, no blank line
line='The parties state the following about the events of the month and more'
(set +o pipefail; yes "$line" | head -c $((50 << 20)) >"$work/para.txt")
measure "align 1 paragraph" 50 align "$work/para.txt"
rm -f "$work/para.txt"
# one line of 200 MB
(set +o pipefail; yes 'statement' | tr '\n' ' ' | head -c $((200 << 20)) >"$work/line.txt")
measure "align 1 line" 200 align "$work/line.txt"
