#!/usr/bin/env bash
# Redis memory per stored cluster session (issue "[8 of 8] cluster"): starts its own redis-server (no persistence) on a
# free loopback port and one `orchestrator serve --cluster` silo, reads `INFO memory` used_memory, posts N copies of a
# manuscript to /api/cluster/sessions one after another, waits until each has completed, and reads used_memory again.
# Prints (after - before) / N, then what one session's keys hold (MEMORY USAGE per key, grouped by kind; the three
# reports by size), so what dominates is seen: manuscript copies, events, snapshots, reports, state.
# used_memory counts what the allocator gave Redis, so the delta and the sum of MEMORY USAGE differ a little.
#
# Usage: tools/scripts/bench-cluster-memory.sh [N] [MANUSCRIPT]
#   N           sessions (default 10)
#   MANUSCRIPT  default: ../shared/corpus/melville-moby-dick.txt
# Environment: ORCHESTRATOR_BIN  an already built `orchestrator` executable or orchestrator.dll (skips the build)
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
n="${1:-10}"
book="$(realpath "${2:-$root/../shared/corpus/melville-moby-dick.txt}")"
for tool in redis-server redis-cli curl python3; do
  command -v "$tool" >/dev/null || { echo "bench-cluster-memory: needs $tool" >&2; exit 2; }
done
. tools/scripts/orchestrator-cli.sh
work="$(mktemp -d)"
redis_port="$(free_port)"
http_port="$(free_port)"
cluster=memory
silo_pid=""
cleanup() {
  [ -n "$silo_pid" ] && kill "$silo_pid" 2>/dev/null && wait "$silo_pid" 2>/dev/null || true
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work" --save '' --appendonly no --daemonize yes >/dev/null
until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.1; done
"${cli[@]}" --data "$work/silo" serve --urls "http://127.0.0.1:$http_port" --pipelines "$root/pipelines" \
  --cluster "redis://127.0.0.1:$redis_port" --cluster-id "$cluster" >"$work/silo.out" 2>"$work/silo.err" &
silo_pid=$!
for _ in $(seq 600); do curl -sf "http://127.0.0.1:$http_port/api/cluster/status" >/dev/null && break; sleep 0.1; done
used() { redis-cli -p "$redis_port" info memory | tr -d '\r' | awk -F: '$1=="used_memory"{print $2}'; }
sleep 2   # let the silo's start-up writes (membership, reminders table) settle before the first reading
before="$(used)"

name="$(basename "$book")"
ids=()
for i in $(seq "$n"); do
  id="$(curl -sf --data-binary @"$book" "http://127.0.0.1:$http_port/api/cluster/sessions?name=$name" | python3 -c 'import sys,json; print(json.load(sys.stdin)["id"])')"
  ids+=("$id")
  until [ "$(curl -sf "http://127.0.0.1:$http_port/api/cluster/sessions/$id" | python3 -c 'import sys,json; print(json.load(sys.stdin)["status"])')" = Completed ]; do sleep 0.2; done
done
after="$(used)"

echo "manuscript: $name, $(stat -c %s "$book") bytes; $n sessions, each completed"
echo "used_memory: before $before, after $after bytes; per session: $(( (after - before) / n )) bytes"
echo
echo "what one session's keys hold (MEMORY USAGE, bytes):"
id="${ids[0]}"
prefix="orchestrator:$cluster"
total=0
for kind in upload input state snapshots events attachments lease; do
  key="$prefix:$kind:$id"
  bytes="$(redis-cli -p "$redis_port" memory usage "$key" samples 0)"
  [ -z "$bytes" ] && continue
  printf '  %-12s %10d' "$kind" "$bytes"
  case "$kind" in
    snapshots) printf '   (%s snapshots kept)' "$(redis-cli -p "$redis_port" llen "$key")" ;;
    events) printf '   (%s events)' "$(redis-cli -p "$redis_port" llen "$key")" ;;
    attachments)
      for f in report.json report.md report.html; do printf '   %s %s' "$f" "$(redis-cli -p "$redis_port" hstrlen "$key" "$f")"; done ;;
  esac
  echo
  total=$(( total + bytes ))
done
grain="$(redis-cli -p "$redis_port" memory usage "orchestrator/state/session/$id/session" samples 0)"
printf '  %-12s %10d   (Orleans grain state: the session record)\n' "record" "${grain:-0}"
total=$(( total + ${grain:-0} ))
shared=0
for key in "$prefix:summaries" "$prefix:driven" $(redis-cli -p "$redis_port" --scan --pattern "$prefix:index:*") "orchestrator/reminders"; do
  bytes="$(redis-cli -p "$redis_port" memory usage "$key" samples 0)"
  shared=$(( shared + ${bytes:-0} ))
done
printf '  %-12s %10d   (listing, index, reminders: shared by the %d sessions, divided)\n' "shared/$n" "$(( shared / n ))" "$n"
total=$(( total + shared / n ))
printf '  %-12s %10d\n' "sum" "$total"
