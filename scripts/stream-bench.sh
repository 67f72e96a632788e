#!/usr/bin/env bash
# Corpus-scale measurements of issue 14: N generated document sets
# (scripts/docgen) through paralign stream (1 and 2 jobs), GNU parallel
# with 2 slots, paralign-beam on prism, batch mode and one align run per
# set (the first LOOP sets, 50 unless set; LOOP=all runs every set, on
# LOOP_JOBS processes at a time, 1 unless set), each under /usr/bin/time -v;
# then scripts/stream-check.py checks that they all give the same rows.
#
#	scripts/stream-bench.sh [N] [DIR]     # default 2000 /tmp/stream-bench
#	LOOP=all LOOP_JOBS=2 scripts/stream-bench.sh 10000
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
dir=${2:-/tmp/stream-bench}
loop=${LOOP:-50}
[ "$loop" != all ] || loop=$n
loopjobs=${LOOP_JOBS:-1}
rm -rf "$dir" && mkdir -p "$dir/loop" "$dir/beam"
go build -o "$dir/paralign" ./cmd/paralign
(cd beam && go build -o "$dir/paralign-beam" ./cmd/paralign-beam)
go run ./scripts/docgen -n "$n" -langs en,ru,es,de -out "$dir"
# the batch manifest: document, lang (empty: combined), path
awk -F'\t' '{ if ($2 != "--input") { print $1 "\t\t" $2 } else for (i = 3; i <= NF; i += 2) { split($i, a, "="); print $1 "\t" a[1] "\t" substr($i, 4) } }' "$dir/align.args" > "$dir/manifest.tsv"
cd "$dir"
m() {
	local name=$1; shift
	echo "== $name (load $(cut -d' ' -f1-3 /proc/loadavg))"
	/usr/bin/time -v "$@" 2> "$name.time" || true
	grep -E "Elapsed|Maximum resident|User time|System time|Exit status" "$name.time"
}
m stream1 sh -c './paralign stream --jobs 1 < docs.jsonl > s1.jsonl 2> s1.err'
m stream2 sh -c './paralign stream --jobs 2 < docs.jsonl > s2.jsonl 2> s2.err'
m parallel sh -c 'parallel --will-cite --pipe -N 200 --keep-order -j 2 ./paralign stream --jobs 1 < docs.jsonl > par.jsonl 2> par.err'
m beam sh -c './paralign-beam --manifest "$PWD/docs.jsonl" --output "$PWD/beam/c" --shards 4 > beam.log 2>&1'
m batch sh -c './paralign align --manifest manifest.tsv --format jsonl --jobs 2 > batch.jsonl 2> batch.err'
cat > one.sh <<'ONE'
#!/usr/bin/env bash
# one align run: the line of align.args given as arguments
doc=$1; shift
exec ./paralign align --format jsonl "$@" > "loop/$doc.jsonl" 2>> loop.err
ONE
# align.args is tab-separated and its paths hold no spaces
m "loop$loop" sh -c "head -$loop align.args | tr '\t' ' ' | xargs -P $loopjobs -L 1 bash one.sh"
echo "input: $(du -cb docs | tail -1 | cut -f1) bytes of files, $n sets"
python3 "$OLDPWD/scripts/stream-check.py"
