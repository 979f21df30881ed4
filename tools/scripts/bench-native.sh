#!/usr/bin/env bash
# The native build against the JIT build (issue 15), in turns so that both meet the same load: each verb is a new
# process, as a user runs it, with a fresh data folder. Prints the median wall time, CPU time (user + sys) and peak RSS
# of each verb for each build, GNU `style` on the same file when it is installed (Debian package `diction`), and the
# load average at the end.
#
# Usage: tools/scripts/bench-native.sh [N] [MANUSCRIPT]
#   N           turns (default 7; one more, unmeasured, warms the disk cache)
#   MANUSCRIPT  default: ../shared/corpus/melville-moby-dick.txt
# Environment: NATIVE_BIN  a published native `orchestrator` (default: publish one into a scratch folder, about 4 minutes)
#              JIT_BIN     the JIT build's `orchestrator` (default: build Release, ReadyToRun)
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
n="${1:-7}"
book="$(realpath "${2:-$root/../shared/corpus/melville-moby-dick.txt}")"
[ -x /usr/bin/time ] || { echo "bench-native: needs GNU time (/usr/bin/time; Debian package 'time')" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

native="${NATIVE_BIN:-}"
if [ -z "$native" ]; then
  dotnet publish tools/Orchestrator.Cli -c Release -p:Native=true -o "$work/native" -nologo -v q >/dev/null
  native="$work/native/orchestrator"
fi
jit="${JIT_BIN:-}"
if [ -z "$jit" ]; then
  dotnet build tools/Orchestrator.Cli -c Release -v q -nologo >/dev/null
  jit="$root/tools/Orchestrator.Cli/bin/Release/net10.0/orchestrator"
fi

verbs=(run quick check check-all validate help)
args() {
  case "$1" in
    run)       echo "run $book --out $work/out" ;;
    quick)     echo "run $book --pipeline quick --out $work/out" ;;
    check)     echo "check $book" ;;
    check-all) echo "check $book --nodes structure,style,characters,pacing,themes,consistency" ;;
    validate)  echo "validate $root/pipelines/novel.json" ;;
    help)      echo "--help" ;;
  esac
}

for turn in $(seq 0 "$n"); do
  for verb in "${verbs[@]}"; do
    for build in native jit; do
      bin="$native"; [ "$build" = jit ] && bin="$jit"
      rm -rf "$work/data" "$work/out"
      # shellcheck disable=SC2046 # the arguments are split on purpose (no path here holds a space)
      /usr/bin/time -o "$work/one" -f "%e %U %S %M" "$bin" --data "$work/data" $(args "$verb") >/dev/null 2>"$work/stderr" \
        || { echo "bench-native: $build $verb failed:" >&2; cat "$work/stderr" >&2; exit 1; }
      [ "$turn" -gt 0 ] && echo "$verb $build $(tail -n 1 "$work/one")" >> "$work/all"
    done
  done
  if command -v style >/dev/null && [ "$turn" -gt 0 ]; then
    /usr/bin/time -o "$work/one" -f "%e %U %S %M" style "$book" >/dev/null 2>&1
    echo "style style $(tail -n 1 "$work/one")" >> "$work/all"
  fi
done

median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "native against JIT, median of $n turns: $(basename "$book"); $native against $jit"
printf '%-10s %-7s %8s %8s %10s\n' verb build wall cpu "peak rss"
for verb in "${verbs[@]}" style; do
  for build in native jit style; do
    grep -q "^$verb $build " "$work/all" 2>/dev/null || continue
    wall=$(grep "^$verb $build " "$work/all" | awk '{print $3}' | median)
    cpu=$(grep "^$verb $build " "$work/all" | awk '{print $4 + $5}' | median)
    rss=$(grep "^$verb $build " "$work/all" | awk '{print $6 / 1024}' | median)
    printf '%-10s %-7s %6.2f s %6.2f s %7.0f MB\n' "$verb" "$build" "$wall" "$cpu" "$rss"
  done
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
