#!/usr/bin/env bash
# What a client polling one session costs the server: a status page or a script asks GET /api/sessions/ID (plain
# `serve`) or GET /api/cluster/sessions/ID (a one-silo cluster on its own redis-server) every second. Posts Moby-Dick
# (novel pipeline), waits for it to complete, then times N GETs of it on one connection and prints per GET: wall time,
# the server's (or silo's) CPU and Redis's CPU. Ports are free loopback ports; data goes to a temporary folder.
#
# Usage: tools/scripts/bench-session-poll.sh [N]     (default 300)
# Environment: ORCHESTRATOR_BIN  an already built `orchestrator` executable or orchestrator.dll (skips the build)
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
n="${1:-300}"
book="$(realpath "$root/../shared/corpus/melville-moby-dick.txt")"
for tool in redis-server redis-cli python3 curl; do
  command -v "$tool" >/dev/null || { echo "bench-session-poll: needs $tool" >&2; exit 2; }
done
. tools/scripts/orchestrator-cli.sh
work="$(mktemp -d)"
pids=()
redis_port=""
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  [ -n "$redis_port" ] && redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# poll LABEL BASE SERVER_PID [REDIS_PID]: posts the book to BASE, waits for Completed, times N GETs.
poll() {
  python3 - "$1" "$2" "$3" "${4:-}" "$book" "$n" <<'PY'
import http.client, json, os, sys, time, urllib.parse
label, base, pid, rpid, book, n = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6])
url = urllib.parse.urlsplit(base)
c = http.client.HTTPConnection(url.hostname, url.port, timeout=600)
def call(method, path, body=None):
    c.request(method, path, body=body, headers={"Content-Type": "text/plain"} if body is not None else {})
    r = c.getresponse(); data = r.read()
    if r.status >= 400: raise SystemExit(f"{method} {path}: {r.status} {data[:300]!r}")
    return data
def cpu(p):
    if not p: return 0.0
    f = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split(); return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
sid = json.loads(call("POST", f"{url.path}?name=moby-dick.txt", open(book, "rb").read()))["id"]
while json.loads(call("GET", f"{url.path}/{sid}"))["status"] != "Completed": time.sleep(0.2)
for _ in range(20): call("GET", f"{url.path}/{sid}")
server, redis, start = cpu(pid), cpu(rpid), time.perf_counter()
for _ in range(n): call("GET", f"{url.path}/{sid}")
wall = time.perf_counter() - start
extra = f", Redis CPU {(cpu(rpid) - redis) / n * 1000:.2f} ms" if rpid else ""
print(f"{label}: {wall / n * 1000:.2f} ms per GET of a completed Moby-Dick session; server CPU {(cpu(pid) - server) / n * 1000:.2f} ms{extra} ({n} GETs)")
PY
}

wait_for() { for _ in $(seq 600); do curl -sf "$1" >/dev/null && return 0; sleep 0.1; done; echo "bench-session-poll: $1 never answered" >&2; exit 1; }

port="$(free_port)"
"${cli[@]}" --data "$work/plain" serve --urls "http://127.0.0.1:$port" --pipelines "$root/pipelines" >"$work/plain.log" 2>&1 &
pid=$!; pids+=("$pid")
wait_for "http://127.0.0.1:$port/api/sessions?limit=1"
poll "plain serve" "http://127.0.0.1:$port/api/sessions" "$pid"

redis_port="$(free_port)"; port="$(free_port)"
mkdir -p "$work/redis"
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work/redis" --save '' --appendonly no --daemonize yes >/dev/null
until redis-cli -p "$redis_port" ping >/dev/null 2>&1; do sleep 0.1; done
redis_pid="$(redis-cli -p "$redis_port" info server | tr -d '\r' | awk -F: '$1=="process_id"{print $2}')"
"${cli[@]}" --data "$work/silo" serve --urls "http://127.0.0.1:$port" --pipelines "$root/pipelines" --cluster "redis://127.0.0.1:$redis_port" >"$work/silo.log" 2>&1 &
pid=$!; pids+=("$pid")
wait_for "http://127.0.0.1:$port/api/cluster/status"
poll "one-silo cluster" "http://127.0.0.1:$port/api/cluster/sessions" "$pid" "$redis_pid"
