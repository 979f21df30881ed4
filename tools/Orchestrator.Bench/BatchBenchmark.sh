#!/usr/bin/env bash
# Throughput of `orchestrator batch` at --parallel 1, 2 and 4 over a folder built from the corpus
# (BatchBenchmark.cs: per novel the whole file, a chapter folder and eight chapter-range files).
# Usage: tools/Orchestrator.Bench/BatchBenchmark.sh [WORKDIR] [PIPELINE]   (default /tmp/batch-bench, novel)
# Prints, per run: manuscripts/s, words/s, wall time, CPU time (user+sys: how many cores it kept busy) and peak RSS (GNU time's %M).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-/tmp/batch-bench}"
pipeline="${2:-novel}"
rm -rf "$work"
mkdir -p "$work"
dotnet build -c Release -v q --nologo "$repo/tools/Orchestrator.Cli" >/dev/null
dotnet run -c Release --project "$repo/tools/Orchestrator.Bench" -- batch-folder "$work/in"
cli="$repo/tools/Orchestrator.Cli/bin/Release/net10.0/orchestrator.dll"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
for parallel in 1 2 4; do
  run="$work/p$parallel"
  /usr/bin/time -f "%e %M %U %S" -o "$run.time" \
    dotnet "$cli" batch "$work/in" --pipeline "$pipeline" --parallel "$parallel" --out "$run/out" --data "$run/data" \
    >"$run.stdout" 2>"$run.stderr" || true
  totals=$(grep -E '^[0-9]+ manuscript\(s\):' "$run.stdout")
  count=$(echo "$totals" | sed -E 's/^([0-9]+) manuscript.*/\1/')
  words=$(echo "$totals" | sed -E 's/.*; ([0-9,]+) words analysed in ([0-9.]+) s.*/\1/' | tr -d ,)
  seconds=$(echo "$totals" | sed -E 's/.* analysed in ([0-9.]+) s.*/\1/')
  read -r wall rss user sys <"$run.time"
  awk -v p="$parallel" -v n="$count" -v w="$words" -v s="$seconds" -v wall="$wall" -v rss="$rss" -v user="$user" -v sys="$sys" 'BEGIN { cpu = user + sys;
    printf "--parallel %d: %d manuscripts, %d words in %.1f s (process %.1f s, CPU %.1f s = %.2f cores): %.2f manuscripts/s, %.0f words/s, peak RSS %.0f MB\n",
      p, n, w, s, wall, cpu, cpu / wall, n / s, w / s, rss / 1024 }'
  echo "  $totals"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
