#!/usr/bin/env bash
# pofilter-baseline: translate-toolkit's pofilter on the planted-fault set
# of paralign compare (cmd/paralign/faults_test.go), as a peer baseline.
#
# For every case, the clean and the faulted document are aligned by
# paralign align (TSV); each row becomes one PO entry, msgid the pivot's
# (English) cell, msgstr the faulted language's cell, the row id its
# location (csv2po from a location,source,target CSV). Section markers
# ("3." "3)" "Article 3") are stripped from both cells, as a PO file of
# the text would not hold them; rows without English text are left out
# (a PO entry needs a msgid); a section the target lacks gives an empty
# msgstr. pofilter runs with its default checks:
#
#   pofilter --progress=none --errorlevel=none --language=LANG in.po -o out.po
#
# A fault counts as found when pofilter reports, at every section of the
# case, a finding it does not report there on the clean pair. False
# findings: pofilter's findings on the clean pairs at rows where both
# cells hold text (the clean documents are correct translations), each
# distinct pair counted once; findings on rows the target lacks are the
# documents' own gaps (the charter's DE section 17, the truncated UDHR,
# the seed's signatory lists) and are counted apart. Cases a known aligner
# bug spoils (scored "no" in the case list) are left out, as in
# TestPlantedFaults.
#
# Usage: scripts/pofilter-baseline.sh [-k DIR]   (-k keeps the work files in DIR)
# Needs Go, python3 and translate-toolkit (Debian: apt-get install translate-toolkit);
# without pofilter it says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."

keep=""
if [ "${1:-}" = "-k" ]; then
	keep=${2:?"-k needs a directory"}
fi
for tool in pofilter csv2po python3; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "pofilter-baseline: skipped: $tool not found (Debian: apt-get install translate-toolkit)"
		exit 0
	fi
done

if [ -n "$keep" ]; then
	work=$keep
	rm -rf "$work"
	mkdir -p "$work"
else
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
fi

echo "pofilter-baseline: $(pofilter --version 2>&1 | head -n1); options: --progress=none --errorlevel=none --language=LANG (default checks)"
go build -o "$work/paralign" ./cmd/paralign
PARALIGN_FAULTS_DIR="$work/cases" go test -count=1 -run '^TestPlantedFaults$' ./cmd/paralign >/dev/null

# tsv2csv TSV LANG: paralign's aligned TSV to csv2po's CSV, pivot (the
# first language column) against LANG.
tsv2csv() {
	python3 - "$1" "$2" <<'PY'
import csv, re, sys
path, lang = sys.argv[1], sys.argv[2]
rows = [l.rstrip("\n").split("\t") for l in open(path, encoding="utf-8")]
head = rows[0]
src, tgt = 1, head.index(lang) if lang in head else len(head)
marker = re.compile(r"^(?:(?:Article|Статья|Artículo|Artikel)\s+\d+|\d+(?:\.\d+)*[.)]?)\s+")
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["location", "source", "target"])
for r in rows[1:]:
    r += [""] * (len(head) - len(r))
    s, t = r[src], r[tgt]
    if re.fullmatch(r"[0-9.]+", r[0]):
        s, t = marker.sub("", s, count=1), marker.sub("", t, count=1)
    if s.strip():
        out.writerow([r[0], s, t])
PY
}

# pofilter_findings PO LANG: one line per finding, "location<TAB>check".
pofilter_findings() {
	local out="${1%.po}.out.po"
	pofilter --progress=none --errorlevel=none --language="$2" "$1" -o "$out" 2>>"$work/pofilter.log"
	[ -f "$out" ] || return 0
	awk '/^# \(pofilter\) / { sub(/^# \(pofilter\) /, ""); sub(/:.*/, ""); checks[n++] = $0; next }
	     /^#: / { for (i = 0; i < n; i++) print $2 "\t" checks[i]; n = 0 }' "$out"
}

mkdir -p "$work/cache"
tail -n +2 "$work/cases/cases.tsv" | while IFS=$'\t' read -r name doc lang sections kind checks langs scored detail; do
	[ "$scored" = yes ] || continue
	dir="$work/cases/$name"
	mapfile -t args <"$dir/args"
	for variant in clean faulted; do
		(cd "$dir/$variant" && "$work/paralign" align --format tsv "${args[@]}") >"$dir/$variant.tsv"
		tsv2csv "$dir/$variant.tsv" "$lang" >"$dir/$variant.csv"
		key=$(cat "$dir/$variant.csv" <(echo "$lang") | sha256sum | cut -c1-16)
		if [ ! -f "$work/cache/$key.findings" ]; then
			csv2po --progress=none --charset=utf-8 -i "$dir/$variant.csv" -o "$work/cache/$key.po"
			pofilter_findings "$work/cache/$key.po" "$lang" >"$work/cache/$key.findings"
		fi
		cp "$work/cache/$key.findings" "$dir/$variant.findings"
		echo "$key" >"$dir/$variant.key"
	done
done

python3 - "$work/cases" <<'PY'
import collections, csv, os, sys, urllib.parse
root = sys.argv[1]
cases = list(csv.DictReader(open(os.path.join(root, "cases.tsv"), encoding="utf-8"), delimiter="\t", quoting=csv.QUOTE_NONE))

def findings(name, variant):
    out = collections.Counter()
    for line in open(os.path.join(root, name, variant + ".findings"), encoding="utf-8"):
        loc, check = line.rstrip("\n").split("\t")
        out[(urllib.parse.unquote(loc), check)] += 1
    return out

def cells(name, variant, lang):
    """row id -> (pivot cell, target cell) of the aligned TSV."""
    rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(root, name, variant + ".tsv"), encoding="utf-8")]
    t = rows[0].index(lang) if lang in rows[0] else len(rows[0])
    return {r[0]: (r[1], r[t] if t < len(r) else "") for r in rows[1:]}

kinds = collections.OrderedDict()
found = total = elsewhere = 0
clean_seen = {}
for c in cases:
    if c["scored"] != "yes":
        continue
    name, lang, sections = c["case"], c["lang"], c["section"].split(",")
    clean, faulted = findings(name, "clean"), findings(name, "faulted")
    new = faulted - clean
    hit = all(any(loc == s for (loc, _) in new) for s in sections)
    outside = sum(n for (loc, _), n in new.items() if loc not in sections and not loc.startswith(sections[-1] + "+"))
    k = kinds.setdefault(c["kind"], [0, 0, collections.Counter()])
    k[0] += 1
    k[1] += hit
    for (loc, check), n in new.items():
        if loc in sections:
            k[2][check] += n
    total += 1
    found += hit
    elsewhere += outside
    key = open(os.path.join(root, name, "clean.key")).read().strip()
    if key not in clean_seen:
        rows = cells(name, "clean", lang)
        both = sum(n for (loc, _), n in clean.items() if rows.get(loc, ("", ""))[1].strip())
        gaps = sum(clean.values()) - both
        points = sum(n for (loc, _), n in clean.items() if loc in [str(i) for i in range(1, 9)])
        clean_seen[key] = (c["doc"], c["langs"], lang, both, gaps, points)

print()
print("%-22s %6s %6s  %s" % ("kind", "cases", "found", "pofilter checks that fired at the faulted sections (new)"))
for kind, (n, hit, checks) in kinds.items():
    print("%-22s %6d %6d  %s" % (kind, n, hit, ", ".join("%s×%d" % kv for kv in sorted(checks.items())) or "-"))
print()
print("clean pairs (each once): doc, --langs, target: findings where both cells hold text / on rows the target lacks")
false = 0
for doc, langs, lang, both, gaps, points in sorted(clean_seen.values()):
    extra = "  (points 1-8: %d)" % points if doc == "kazakhstan" else ""
    print("  %-10s %-9s en->%s: %3d / %d%s" % (doc, langs, lang, both, gaps, extra))
    false += both
print()
print("new findings outside the faulted sections (side effects): %d" % elsewhere)
print("pofilter: found %d/%d planted faults (recall %.3f), %d findings on clean pairs" % (found, total, found / total, false))
PY
