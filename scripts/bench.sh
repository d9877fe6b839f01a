#!/usr/bin/env bash
# bench.sh DIR — nestlint against the parse floor (../shared/parsefloor) on DIR.
#
# Builds nestlint and parsefloor, then for each -j in $JOBS (default "1 2"):
#   - one warm-up run of each;
#   - $RUNS (default 5) pairs, in turn: parsefloor -mode query, nestlint --no-cache (cold);
#   - $RUNS warm nestlint runs (cache in a scratch folder, filled by one run first).
# Prints the median wall and CPU (user+sys) time of each series, cores used (CPU/wall), peak RSS
# (max over the runs), and the median of the per-pair ratios nestlint/floor. Times come from GNU
# time (/usr/bin/time). Never compare absolute times across machines or days: compare ratios.
#
# Environment: RUNS, JOBS, PARSEFLOOR (the parsefloor source folder), NESTLINT_ARGS (extra flags).
set -euo pipefail

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
	echo "usage: $0 DIR" >&2
	exit 2
fi
DIR=$(cd "$1" && pwd)
RUNS=${RUNS:-5}
JOBS=${JOBS:-"1 2"}
REPO=$(cd "$(dirname "$0")/.." && pwd)
FLOOR_SRC=${PARSEFLOOR:-$REPO/../shared/parsefloor}
GNUTIME=/usr/bin/time

if ! "$GNUTIME" -f '%e' true >/dev/null 2>&1; then
	echo "bench.sh: GNU time is needed at $GNUTIME (apt-get install time)" >&2
	exit 2
fi
if [ ! -f "$FLOOR_SRC/main.go" ]; then
	echo "bench.sh: parsefloor sources not found at $FLOOR_SRC (set PARSEFLOOR)" >&2
	exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/nestlint-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
echo "building nestlint and parsefloor..." >&2
(cd "$REPO" && go build -o "$WORK/nestlint" ./cmd/nestlint)
(cd "$FLOOR_SRC" && go build -o "$WORK/parsefloor" .)

# measure NAME CMD...: runs CMD once, appends "wall cpu rss_kb" to $WORK/NAME.
measure() {
	local name=$1
	shift
	local code=0
	"$GNUTIME" -f '%e %U %S %M' -o "$WORK/time.out" "$@" >/dev/null 2>"$WORK/stderr.out" || code=$?
	# nestlint exits 1 when it reports findings; anything above is a failure
	if [ "$code" -gt 1 ]; then
		echo "bench.sh: $* exited $code:" >&2
		tail -5 "$WORK/stderr.out" >&2
		exit 1
	fi
	tail -1 "$WORK/time.out" | awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' >>"$WORK/$name"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { awk -v c="$2" '{ print $c }' "$WORK/$1"; }

# the three commands, as words for GNU time
read -r -a EXTRA <<<"${NESTLINT_ARGS:-}"
floor=() cold=() warm=()
commands() {
	floor=("$WORK/parsefloor" -j "$1" -mode query -errsample 0 "$DIR")
	cold=("$WORK/nestlint" -j "$1" --no-cache "${EXTRA[@]}" "$DIR")
	warm=("$WORK/nestlint" -j "$1" --cache-location "$WORK/cache-$1" "${EXTRA[@]}" "$DIR")
}

echo "DIR=$DIR runs=$RUNS $(nproc) cores, $(uname -sm), $(date -u +%Y-%m-%dT%H:%MZ)"
"$WORK/parsefloor" -j 1 -mode read -errsample 0 "$DIR" | sed 's/^/floor input: /'
printf '%-4s %-16s %9s %9s %6s %10s\n' j series wall_s cpu_s cores peakRSS_MiB
for j in $JOBS; do
	commands "$j"
	"${floor[@]}" >/dev/null
	"${cold[@]}" >/dev/null 2>&1 || true
	for _ in $(seq "$RUNS"); do
		measure "floor-$j" "${floor[@]}"
		measure "cold-$j" "${cold[@]}"
	done
	"${warm[@]}" >/dev/null 2>&1 || true # fills the cache
	for _ in $(seq "$RUNS"); do
		measure "warm-$j" "${warm[@]}"
	done
	for s in floor cold warm; do
		n="$s-$j"
		w=$(col "$n" 1 | median)
		c=$(col "$n" 2 | median)
		rss=$(col "$n" 3 | sort -n | tail -1)
		printf '%-4s %-16s %9s %9s %6.2f %10.1f\n' "$j" "$s" "$w" "$c" "$(awk -v c="$c" -v w="$w" 'BEGIN { print (w > 0 ? c / w : 0) }')" \
			"$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
	done
	# per-pair ratios, then their median
	wr=$(paste -d' ' "$WORK/cold-$j" "$WORK/floor-$j" | awk '{ print $1 / $4 }' | median)
	cr=$(paste -d' ' "$WORK/cold-$j" "$WORK/floor-$j" | awk '{ print $2 / $5 }' | median)
	rr=$(awk -v a="$(col "cold-$j" 3 | sort -n | tail -1)" -v b="$(col "floor-$j" 3 | sort -n | tail -1)" 'BEGIN { printf "%.2f", a / b }')
	printf '%-4s nestlint cold / floor: wall %.2fx, cpu %.2fx, peak RSS %sx\n' "$j" "$wr" "$cr" "$rr"
done
