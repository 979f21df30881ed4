#!/usr/bin/env bash
# A/B of two commits on what users feel most: a cold `orchestrator run` of a novel, and a first `batch` of many small
# manuscripts. Each commit is built (Release) in its own temporary worktree; then the two are run in turns, A B A B...,
# so both see the same machine load, and every run prints wall time and CPU time (user + sys).
#
# On a shared machine compare CPU times: wall times follow the load. The data folder is on tmpfs (/dev/shm) by
# default: on ext4 a batch's first pass spends about half its CPU in the kernel creating inodes (perf: __ext4_new_inode,
# recently_deleted), a cost that swings by +-40% with whatever was deleted before and hides the engine's own time.
# BENCH_DATA_ROOT=/tmp measures on disk instead.
#
# Usage: tools/scripts/bench-ab.sh A_REF B_REF [ROUNDS] [MANUSCRIPT]
#   ROUNDS      turns of each (default 5)
#   MANUSCRIPT  default: ../shared/corpus/melville-moby-dick.txt
# Environment: BATCH_COUNT  manuscripts in the batch (default 300, 60-line excerpts of the corpus); several sizes,
#                           e.g. "300 1500", run a batch of each and print the marginal CPU per manuscript between the
#                           smallest and the largest, which leaves out the fixed start-up cost (JIT, assembly loading)
#              BENCH_CASES  "run batch" (default), or one of them
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
a="${1:?usage: bench-ab.sh A_REF B_REF [ROUNDS] [MANUSCRIPT]}"
b="${2:?usage: bench-ab.sh A_REF B_REF [ROUNDS] [MANUSCRIPT]}"
rounds="${3:-5}"
book="$(realpath "${4:-$root/../shared/corpus/melville-moby-dick.txt}")"
read -r -a counts <<<"${BATCH_COUNT:-300}"
data_root="${BENCH_DATA_ROOT:-/dev/shm}"
[ -x /usr/bin/time ] || { echo "bench-ab: needs GNU time (/usr/bin/time; Debian package 'time')" >&2; exit 2; }

work="$(mktemp -d)"
data="$(mktemp -d -p "$data_root")"
cleanup() {
  for side in a b; do [ -d "$work/$side" ] && git -C "$root" worktree remove --force "$work/$side" >/dev/null 2>&1 || true; done
  rm -rf "$work" "$data"
}
trap cleanup EXIT

for side in a b; do
  ref=$([ "$side" = a ] && echo "$a" || echo "$b")
  git -C "$root" worktree add -q --detach "$work/$side" "$ref"
  echo "building $side = $ref ($(git -C "$root" log --oneline -1 "$ref" | cut -c1-70))" >&2
  dotnet build "$work/$side/tools/Orchestrator.Cli" -c Release -v q -nologo >/dev/null
done

# The batch's input: the same distinct small manuscripts for both sides.
for count in "${counts[@]}"; do
  "$root/tools/scripts/small-manuscripts.sh" "$count" "$work/batch-$count" "$(dirname "$book")"
done

# one SIDE CASE: one measured run with a fresh data folder; appends "wall cpu" to $work/SIDE-CASE.
# CASE is "run" or "batch-COUNT".
one() {
  local side="$1" case="$2" count="${2#batch-}" cli="$work/$1/tools/Orchestrator.Cli/bin/Release/net10.0/orchestrator"
  rm -rf "$data/d" "$data/o"
  case "$case" in
    run)   /usr/bin/time -o "$work/t" -f "%e %U %S" "$cli" --data "$data/d" run "$book" --out "$data/o" >/dev/null 2>"$work/err" ;;
    # A batch exits non-zero when one manuscript fails (an older commit may have a bug that fails one); the time stands
    # and the failure is counted, but a batch that ran nothing is an error.
    batch-*) /usr/bin/time -o "$work/t" -f "%e %U %S" "$cli" --data "$data/d" batch "$work/batch-$count" --pipeline quick --parallel 4 --out "$data/o" >"$work/out" 2>"$work/err" \
             || { grep -q "^$count manuscript" "$work/out" && echo "$side" >> "$work/batch-failures"; } ;;
  esac || { echo "bench-ab: $side $case failed:" >&2; cat "$work/err" >&2; exit 1; }
  # The last line: GNU time puts "Command exited with non-zero status N" before the figures.
  tail -n 1 "$work/t" | awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' >> "$work/$side-$case"
}

median() { sort -g | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

echo "A = $a, B = $b; $rounds turns each; run: $(basename "$book"); batch: ${counts[*]} manuscripts, --pipeline quick --parallel 4; data on $data_root"
cases=()
for case in ${BENCH_CASES:-run batch}; do
  if [ "$case" = batch ]; then for count in "${counts[@]}"; do cases+=("batch-$count"); done; else cases+=("$case"); fi
done
for case in "${cases[@]}"; do
  one a "$case"; one b "$case"   # warm the disk cache, unmeasured
  : > "$work/a-$case"; : > "$work/b-$case"
  for ((r = 0; r < rounds; r++)); do one a "$case"; one b "$case"; done
  for side in a b; do
    printf '%-10s %s  wall median %6.2f s   cpu median %6.2f s\n' "$case" "$side" \
      "$(cut -d' ' -f1 "$work/$side-$case" | median)" "$(cut -d' ' -f2 "$work/$side-$case" | median)"
  done
  awk -v c="$case" 'NR == FNR { a[FNR] = $2; next } { d = $2 / a[FNR]; s += d; n++ } END { printf "%-10s cpu B/A per turn, mean %.3f\n", c, s / n }' \
    "$work/a-$case" "$work/b-$case"
done
# The marginal cost per manuscript: (median CPU of the largest batch - median CPU of the smallest) / the difference in
# manuscripts. The fixed cost of a process (JIT, loading) cancels out, leaving the work each manuscript adds.
if [ "${#counts[@]}" -gt 1 ] && [[ " ${cases[*]} " == *" batch-"* ]]; then
  small="${counts[0]}" large="${counts[-1]}"
  for side in a b; do
    s_cpu=$(cut -d' ' -f2 "$work/$side-batch-$small" | median); l_cpu=$(cut -d' ' -f2 "$work/$side-batch-$large" | median)
    awk -v s="$side" -v a="$s_cpu" -v b="$l_cpu" -v n="$((large - small))" -v lo="$small" -v hi="$large" \
      'BEGIN { printf "batch %s marginal cpu per manuscript (%d -> %d): %.3f ms; fixed part at %d: %.2f s\n", s, lo, hi, (b - a) * 1000 / n, lo, a - (b - a) * lo / n }'
  done
fi
[ -s "$work/batch-failures" ] && echo "batches with a failed manuscript: $(sort "$work/batch-failures" | uniq -c | tr '\n' ' ')"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
