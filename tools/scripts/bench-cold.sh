#!/usr/bin/env bash
# Cold start of the `orchestrator` command (issue 15): each verb is a new process, as a user runs it.
# Builds Release (ReadyToRun), then for each case prints the median of N runs of wall time, CPU time (user + sys)
# and peak RSS, and the machine's load average (the machine is shared: compare figures taken under the same load).
# When GNU `style` (Debian package `diction`) is installed it is timed on the same file and each verb's wall time
# is also given as a multiple of style's.
#
# Usage: tools/scripts/bench-cold.sh [N] [MANUSCRIPT]
#   N           runs per case (default 5)
#   MANUSCRIPT  default: ../shared/corpus/melville-moby-dick.txt (209k words as the engine counts them)
# Environment: ORCHESTRATOR_BIN  an already built `orchestrator` executable (skips the build), e.g. a published tool;
#              BENCH_NATIVE=1    times the native build instead: publishes it (README: Install) into a scratch folder
#                                first (about 4 minutes); verbs it hands to the JIT build (help) are timed as users meet them;
#              BENCH_CASES       space-separated subset of: run quick check check-all validate help style
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
n="${1:-5}"
book="$(realpath "${2:-$root/../shared/corpus/melville-moby-dick.txt}")"
cases="${BENCH_CASES:-run quick check check-all validate help style}"
if [ "${BENCH_NATIVE:-}" = 1 ] && [ -z "${ORCHESTRATOR_BIN:-}" ]; then
  native="$(mktemp -d)"
  trap 'rm -rf "$native"' EXIT
  dotnet publish tools/Orchestrator.Cli -c Release -p:Native=true -o "$native" -nologo -v q >/dev/null
  cli="$native/orchestrator"
elif [ -z "${ORCHESTRATOR_BIN:-}" ]; then
  dotnet build tools/Orchestrator.Cli -c Release -v q -nologo >/dev/null
  cli="$root/tools/Orchestrator.Cli/bin/Release/net10.0/orchestrator"
else
  cli="$ORCHESTRATOR_BIN"
fi
[ -x /usr/bin/time ] || { echo "bench-cold: needs GNU time (/usr/bin/time; Debian package 'time')" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work" ${native:+"$native"}' EXIT
cd "$work"

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# measure NAME COMMAND...: runs the command N times (after one unmeasured run that warms the disk cache) with a
# fresh data folder each time, and prints one row.
measure() {
  local name="$1"; shift
  local times="$work/times-$name"
  : > "$times"
  for i in $(seq 0 "$n"); do
    rm -rf "$work/data" "$work/out"
    /usr/bin/time -o "$work/one" -f "%e %U %S %M" "$@" >/dev/null 2>"$work/stderr" \
      || { echo "bench-cold: '$name' failed:" >&2; cat "$work/stderr" >&2; exit 1; }
    [ "$i" -gt 0 ] && tail -n 1 "$work/one" >> "$times"
  done
  local wall cpu rss
  wall=$(awk '{print $1}' "$times" | median)
  cpu=$(awk '{print $2 + $3}' "$times" | median)
  rss=$(awk '{print $4 / 1024}' "$times" | median)
  echo "$name $wall" >> "$work/walls"
  printf '%-10s %7.2f s %7.2f s %7.0f MB   load %s\n' "$name" "$wall" "$cpu" "$rss" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

words=$(wc -w < "$book")
echo "cold start, median of $n: $(basename "$book") ($words words by wc), $cli"
printf '%-10s %9s %9s %10s\n' case wall cpu "peak rss"
all_nodes=structure,style,characters,pacing,themes,consistency
for c in $cases; do
  case "$c" in
    run)       measure run "$cli" --data "$work/data" run "$book" --out "$work/out" ;;
    quick)     measure quick "$cli" --data "$work/data" run "$book" --pipeline quick --out "$work/out" ;;
    check)     measure check "$cli" --data "$work/data" check "$book" ;;
    check-all) measure check-all "$cli" --data "$work/data" check "$book" --nodes "$all_nodes" ;;
    validate)  measure validate "$cli" --data "$work/data" validate "$root/pipelines/novel.json" ;;
    help)      measure help "$cli" --help ;;
    style)
      if command -v style >/dev/null; then measure style style "$book"
      else echo "style      not installed (Debian package 'diction'): no ratio"; fi ;;
    *) echo "bench-cold: unknown case '$c'" >&2; exit 2 ;;
  esac
done

if grep -q '^style ' "$work/walls" 2>/dev/null; then
  awk '$1 == "style" {s = $2} {w[$1] = $2; o[NR] = $1}
       END { for (i = 1; i <= NR; i++) if (o[i] != "style" && s > 0) printf "%-10s %6.1f x style\n", o[i], w[o[i]] / s }' "$work/walls"
fi
