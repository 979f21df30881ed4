#!/usr/bin/env bash
# Re-runs of `orchestrator batch` where every manuscript is already done: builds N small distinct manuscripts from the
# corpus (each a 60-line excerpt under its own title), runs the batch once, then again (every manuscript skipped), and
# prints both wall times and the time per manuscript. Run it at 300 and 3,000: with the session index, a skipped
# manuscript costs the same whatever the number of stored sessions (before it, each re-run read every session.json).
# Usage: tools/Orchestrator.Bench/BatchRerunBenchmark.sh [N] [WORKDIR] [PIPELINE] [CLI_DLL]   (default 300, /tmp/batch-rerun-N, quick)
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
count="${1:-300}"
work="${2:-/tmp/batch-rerun-$count}"
pipeline="${3:-quick}"
[ -f "$repo/pipelines/$pipeline.json" ] && pipeline="$repo/pipelines/$pipeline.json"
cli="${4:-$repo/tools/Orchestrator.Cli/bin/Release/net10.0/orchestrator.dll}"
corpus="$(cd "$repo/.." && pwd)/shared/corpus"
[ -d "$corpus" ] || corpus="$(cd "$repo/../.." && pwd)/shared/corpus"
rm -rf "$work"
mkdir -p "$work/in"
[ -n "${4:-}" ] || dotnet build -c Release -v q --nologo "$repo/tools/Orchestrator.Cli" >/dev/null
"$repo/tools/scripts/small-manuscripts.sh" "$count" "$work/in" "$corpus"
echo "$count manuscripts in $work/in; load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
for pass in first rerun; do
  start=$(date +%s.%N)
  dotnet "$cli" batch "$work/in" --pipeline "$pipeline" --parallel 4 --out "$work/out" --data "$work/data" >"$work/$pass.stdout" 2>"$work/$pass.stderr" || true
  end=$(date +%s.%N)
  awk -v p="$pass" -v n="$count" -v s="$start" -v e="$end" 'BEGIN { w = e - s; printf "%-5s run: %d manuscripts in %.2f s = %.2f ms per manuscript\n", p, n, w, 1000 * w / n }'
  grep -E '^[0-9]+ manuscript\(s\):' "$work/$pass.stdout" | sed 's/^/  /' || tail -3 "$work/$pass.stderr"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
