#!/usr/bin/env bash
# Prints the rows of issue 11's table in one run: paralign against its
# reference, each figure the median of RUNS paired runs (default 3; the
# machine is shared, so single runs are noise), wall seconds and maximum
# resident set size (MiB) from GNU time, and the ratio reference/paralign
# (above 1: paralign is faster or smaller).
#
#   seed    paralign align on the seed statement | lingua-go direct on its paragraphs
#   detect  paralign detect on the UDHR (en ru es de, UTF-8) repeated to DETECT_MB
#           | lingua-go direct, 2 workers, the same paragraphs
#   align   paralign align on four files of ALIGN_MB/4 each (no reference)
#   sent    paralign align --by sentence --presplit on SENT × SENT lines
#           (no reference: hunalign crashes at 100k)
#
# BASE=path/to/older/paralign adds its figures to every row ("before").
#
#   scripts/bench.sh                       # RUNS=3 DETECT_MB=10 ALIGN_MB=50 SENT=100000
#   RUNS=5 DETECT_MB=2 ALIGN_MB=4 SENT=20000 BASE=/tmp/old scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3} DETECT_MB=${DETECT_MB:-10} ALIGN_MB=${ALIGN_MB:-50} SENT=${SENT:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/paralign" ./cmd/paralign
go build -o "$work/ref" ./scripts/bench-ref

# repeat FILE BYTES OUT: FILE repeated, blank line between copies, to BYTES or a little more.
repeat() {
	local n=0 size
	size=$(stat -c %s "$1")
	: >"$3"
	while [ "$n" -lt "$2" ]; do
		cat "$1" >>"$3"
		printf '\n\n' >>"$3"
		n=$((n + size + 2))
	done
}

# timed NAME CMD...: one run; appends "wall rss_MiB" to $work/NAME.
timed() {
	local name=$1
	shift
	/usr/bin/time -f '%e %M' -o "$work/t" "$@" >"$work/out.$name" 2>"$work/err.$name" || {
		echo "$name failed: $(head -3 "$work/err.$name")" >&2
		echo "NaN NaN" >>"$work/$name"
		return
	}
	awk '{ printf "%s %.0f\n", $1, $2 / 1024 }' "$work/t" >>"$work/$name"
}

# median NAME COLUMN
median() { sort -g -k"$2" "$work/$1" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'; }

# row LABEL MB KINDS...: prints one line, each kind's median wall and RSS, then ratios to the first.
row() {
	local label=$1 mb=$2
	shift 2
	local line first_w first_r
	line=$(printf '%-8s %7s' "$label" "$mb")
	for k in "$@"; do
		local w r
		w=$(median "$k" 1) r=$(median "$k" 2)
		line+=$(printf '  %s %s s %s MiB' "${k#*_}" "$w" "$r")
		if [ -z "${first_w:-}" ]; then
			first_w=$w first_r=$r
		else
			line+=$(awk -v a="$first_w" -v b="$w" -v c="$first_r" -v d="$r" 'BEGIN { printf " (×%.2f time, ×%.2f RSS)", b / a, d / c }')
		fi
	done
	echo "$line"
}

# inputs
seed=testdata/kazakhstan-2022/combined.txt
for l in en de es; do iconv -f latin1 -t utf-8 "testdata/udhr-nltk/$l.txt" >"$work/udhr.$l"; done
iconv -f cp1251 -t utf-8 testdata/udhr-nltk/ru.txt >"$work/udhr.ru"
cat "$work"/udhr.{en,ru,es,de} >"$work/udhr.txt"
repeat "$work/udhr.txt" $((DETECT_MB << 20)) "$work/detect.txt"
files=()
for l in en ru es de; do
	repeat "testdata/charter/$l.txt" $((ALIGN_MB << 18)) "$work/align.$l.txt"
	files+=("$work/align.$l.txt")
done
if [ -f ../shared/bench/textberg/dev.de ]; then
	src=../shared/bench/textberg/dev.de tgt=../shared/bench/textberg/dev.fr langs=de,fr
else
	src=$work/udhr.de tgt=$work/udhr.en langs=de,en
fi
for side in src tgt; do
	awk -v n="$SENT" 'NF { l[++m] = $0 } END { for (i = 0; i < n; i++) print l[i % m + 1] }' "${!side}" >"$work/sent.$side"
done

for ((i = 0; i < RUNS; i++)); do
	for b in paralign ${BASE:+before}; do
		bin=$work/paralign
		[ "$b" = before ] && bin=$BASE
		timed "seed_$b" "$bin" align "$seed"
		timed "detect_$b" "$bin" detect "$work/detect.txt"
		timed "align_$b" "$bin" align "${files[@]}"
		timed "sent_$b" "$bin" align --by sentence --presplit --format ladder --langs "$langs" "$work/sent.src" "$work/sent.tgt"
	done
	timed seed_lingua "$work/ref" -workers 2 "$seed"
	timed detect_lingua "$work/ref" -workers 2 "$work/detect.txt"
done
cd "$work"
echo "medians of $RUNS paired runs; in parentheses the figure over paralign's (above 1: paralign is faster or smaller)"
b=${BASE:+before}
row seed "$(awk -v b="$(stat -c %s "$OLDPWD/$seed")" 'BEGIN { printf "%.2f", b / 1048576 }')" seed_paralign ${b:+seed_before} seed_lingua
row detect "$DETECT_MB" detect_paralign ${b:+detect_before} detect_lingua
row align "$ALIGN_MB" align_paralign ${b:+align_before}
row sent "${SENT}x$SENT" sent_paralign ${b:+sent_before}
