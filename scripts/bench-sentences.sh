#!/usr/bin/env bash
# Times sentence alignment at scale: `paralign align --by sentence
# --presplit --format ladder` on two files of N lines each, for N = 10,000,
# 30,000 and 100,000 (or the sizes given as arguments), and prints the wall
# time and the maximum resident set size of each run.
#
# The lines are a real translation pair repeated: the Text+Berg dev files
# (German–French) when ../shared/bench/textberg is there, else the English
# and German UDHR of testdata/udhr-nltk. Needs GNU time (/usr/bin/time).
#
#   scripts/bench-sentences.sh [N...]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 30000 100000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/paralign" ./cmd/paralign
if [ -f ../shared/bench/textberg/dev.de ]; then
	src=../shared/bench/textberg/dev.de tgt=../shared/bench/textberg/dev.fr langs=de,fr
else
	iconv -f latin1 -t utf-8 testdata/udhr-nltk/de.txt | grep -v '^[[:space:]]*$' >"$work/src.txt"
	grep -v '^[[:space:]]*$' testdata/udhr-nltk/en.txt >"$work/tgt.txt"
	src=$work/src.txt tgt=$work/tgt.txt langs=de,en
fi
echo "pair: $src $tgt"
printf '%-8s %-8s %10s %12s %8s\n' lines beads wall_s max_rss_MB MB_in
for n in "${sizes[@]}"; do
	for side in src tgt; do
		f=${!side}
		awk -v n="$n" '{ l[NR] = $0 } END { for (i = 0; i < n; i++) print l[i % NR + 1] }' "$f" >"$work/$side.$n"
	done
	/usr/bin/time -f '%e %M' -o "$work/time" "$work/paralign" align --by sentence --presplit --format ladder \
		--langs "$langs" "$work/src.$n" "$work/tgt.$n" >"$work/ladder"
	read -r wall rss <"$work/time"
	mb=$(($(stat -c %s "$work/src.$n") + $(stat -c %s "$work/tgt.$n")))
	printf '%-8s %-8s %10s %12s %8s\n' "$n" "$(wc -l <"$work/ladder")" "$wall" "$((rss / 1024))" "$(awk -v b="$mb" 'BEGIN { printf "%.1f", b / 1048576 }')"
done
