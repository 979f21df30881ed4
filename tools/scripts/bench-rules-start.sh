#!/usr/bin/env bash
# Start-up cost of C# rules in `orchestrator run`: the same run of the bundled sample with
# pipelines/novel-revise.json as shipped (two rules), and with its "rules" removed; the rules run
# cold (empty rules cache: Roslyn compiles) and cached (compiled assemblies loaded from disk).
# Prints the median wall time of N runs of each. Usage: tools/scripts/bench-rules-start.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-7}"
dotnet build tools/Orchestrator.Cli -c Release -v q -nologo >/dev/null
cli="dotnet tools/Orchestrator.Cli/bin/Release/net10.0/orchestrator.dll"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pipelines/rules"
cp pipelines/rules/*.csx "$work/pipelines/rules/"
cp pipelines/novel-revise.json "$work/pipelines/with-rules.json"
python3 - "$work/pipelines" <<'PY'
import json, sys
folder = sys.argv[1]
p = json.load(open(f"{folder}/with-rules.json"))
p.pop("$schema", None)
json.dump(p, open(f"{folder}/with-rules.json", "w"))
p.pop("rules")
json.dump(p, open(f"{folder}/no-rules.json", "w"))
PY
sample=samples/the-lighthouse-keepers-daughter.md
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() { # $1 pipeline, $2 "cold" clears the rules cache first
  for _ in $(seq "$n"); do
    rm -rf "$work/data/sessions"
    [ "$2" = cold ] && rm -rf "$work/data/rules-cache"
    /usr/bin/time -f "%e" $cli --data "$work/data" run "$sample" -p "$work/pipelines/$1.json" --fresh --out "$work/out" \
      >/dev/null 2>>"$work/times-$1-$2" || true
    tail -n 1 "$work/times-$1-$2" >> "$work/t-$1-$2"
  done
  median < "$work/t-$1-$2"
}
none=$(run no-rules warm)
cold=$(run with-rules cold)
cached=$(run with-rules cached)
echo "median of $n runs (s): no rules $none; two rules cold $cold; two rules cached $cached"
awk -v a="$none" -v b="$cached" 'BEGIN { printf "cached start with rules / without: %.2f\n", b / a }'
