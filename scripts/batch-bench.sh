#!/usr/bin/env bash
# Times one batch run over 50 documents against 50 separate runs of the
# same documents: wall time and peak resident set size (GNU time -v) of
# `paralign align -o DIR FOLDER` and of a loop running `paralign align` on
# each document's files.
#
# The folder is built in a temporary directory from the repository's
# fixtures, ten documents in each of five layouts and formats:
# charter-NN.LANG.txt, udhr-NN_LANG.txt, LANG/notice-NN.md (the charter
# as Markdown), statement-NN/LANG.txt, and combined files (the Kazakhstan
# statement as kz-NN.txt and the HTML statement as page-NN.html, five of
# each). `paralign ls` prints the grouping before the runs.
#
#   scripts/batch-bench.sh [JOBS]     # --jobs for the batch run; default the cores
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${1:-0}
repo=$PWD
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "batch-bench: needs GNU time (/usr/bin/time; apt-get install time)" >&2; exit 2; }

go build -o "$work/paralign" ./cmd/paralign
pa=$work/paralign
corp=$work/corpus
mkdir -p "$corp"
for i in $(seq -w 1 10); do
	for l in en ru es de; do
		cp testdata/charter/$l.txt "$corp/charter-$i.$l.txt"
		cp testdata/udhr-nltk/$l.txt "$corp/udhr-${i}_$l.txt"
		mkdir -p "$corp/$l" "$corp/statement-$i"
		cp testdata/charter/$l.txt "$corp/$l/notice-$i.md"
		cp testdata/udhr-nltk/$l.txt "$corp/statement-$i/$l.txt"
	done
done
for i in $(seq -w 1 5); do
	cp testdata/kazakhstan-2022/combined.txt "$corp/kz-$i.txt"
	cp testdata/html/statement.html "$corp/page-$i.html"
done
echo x >"$corp/.DS_Store"
echo "grouping (paralign ls):"
"$pa" ls "$corp" | sed "s#$corp/##" | tee "$work/ls.tsv" | column -t -s $'\t' | sed 's/^/  /'
ndocs=$(awk -F'\t' 'NR > 1 && $1 != "-" { print $1 }' "$work/ls.tsv" | sort -u | wc -l)
echo "documents: $ndocs"

# one line per document: its files, for the separate runs
awk -F'\t' 'NR > 1 && $1 != "-" { f[$1] = f[$1] " '"$corp"'/" $3 } END { for (d in f) print f[d] }' "$work/ls.tsv" | sort >"$work/runs.txt"

measure() { # label, then the command; prints wall seconds and peak RSS
	local label=$1
	shift
	/usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
	awk -v label="$label" -F': ' '
		/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; wall = s }
		/Maximum resident set size/ { rss = $2 / 1024 }
		END { printf "%-34s %8.1f s %8.0f MB\n", label, wall, rss }' "$work/time.txt"
}

echo
printf '%-34s %10s %11s\n' run wall peak_RSS
measure "one batch run (--jobs $jobs)" "$pa" align --jobs "$jobs" -o "$work/out" "$corp"
tail -n 1 "$work/err.txt" | sed 's/^/  /'
measure "$ndocs separate runs" bash -c 'while read -r files; do "$0" align $files >/dev/null || exit 1; done <"$1"' "$pa" "$work/runs.txt"
echo
echo "index (first lines):"
head -n 6 "$work/out/index.tsv" | cut -f1-6 | column -t -s $'\t' | sed 's/^/  /'
