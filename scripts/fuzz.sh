#!/usr/bin/env bash
# Runs every fuzz target of the module for a while and prints, per target,
# the executions, the new interesting inputs and whether it found a
# crasher. A crasher is written by go test under the package's
# testdata/fuzz/FuzzName/; commit it with the fix, and CI runs it from then
# on as a seed.
#
#   scripts/fuzz.sh [DURATION] [TARGET-REGEXP]    (default 10m, every target)
#
# -timeout 0: go test's default 10-minute limit would stop a 10-minute run.
# Targets run one after another, each with $FUZZ_PARALLEL fuzzing workers
# (default 2, the cores of the development machine).
set -uo pipefail
cd "$(dirname "$0")/.."
dur=${1:-10m}
only=${2:-.}
status=0
for pkg in $(go list ./...); do
	dir=$(go list -f '{{.Dir}}' "$pkg")
	for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
		[[ $target =~ $only ]] || continue
		log=$(mktemp)
		crashers="$dir/testdata/fuzz/$target"
		before=$(ls "$crashers" 2>/dev/null | sort)
		go test "$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime "$dur" -timeout 0 -parallel "${FUZZ_PARALLEL:-2}" >"$log" 2>&1
		rc=$?
		after=$(ls "$crashers" 2>/dev/null | sort)
		# the last progress line: "fuzz: elapsed: 10m0s, execs: 123 (205/sec), new interesting: 4 (total: 60)"
		last=$(grep -E '^fuzz: elapsed' "$log" | tail -1)
		if [ $rc -eq 0 ]; then
			printf '%-22s %-40s ok      %s\n' "$target" "${pkg#github.com/paralign/paralign}" "${last#fuzz: }"
		elif [ "$before" = "$after" ] && grep -q '^    context deadline exceeded$' "$log"; then
			# Go's fuzz coordinator can fail a target at the end of
			# -fuzztime when a loaded machine delays a worker's stop
			# (go.dev/issue/75804, fixed in Go 1.27): no input is
			# written, nothing was found.
			printf '%-22s %-40s ok      %s (the deadline race of go#75804 at the end; no crasher)\n' "$target" "${pkg#github.com/paralign/paralign}" "${last#fuzz: }"
		else
			status=1
			printf '%-22s %-40s FAILED  %s\n' "$target" "${pkg#github.com/paralign/paralign}" "${last#fuzz: }"
			grep -v -E '^fuzz: (elapsed|minimizing)' "$log" | tail -15 | sed 's/^/    /'
		fi
		rm -f "$log"
	done
done
exit $status
