#!/usr/bin/env bash
# What a one-silo cluster costs against a plain server (issue 16: goal <= 10%). Builds Release, makes the 30 manuscripts
# of ClusterBatchProcessTests (three corpus novels whole, 27 slices of 500-3000 paragraphs of the four), and for each
# round starts, on fresh data folders and free loopback ports:
#   plain    orchestrator serve --max-running 2, the 30 posted at once to POST /api/sessions;
#   cluster  its own redis-server (no persistence) and one orchestrator serve --cluster --max-running 2, the 30 posted
#            at once to POST /api/cluster/sessions;
# and times from the first post to the last session completed (the server already listening). Rounds alternate
# plain/cluster so that a change of load hits both; prints each round (with the CPU seconds the server or silo, and
# Redis, used from the first post to the last completion), the medians, their ratio, and the Redis commands (INFO
# commandstats) and bytes (total_net_input_bytes) the cluster run sent per session.
#
# Usage: tools/scripts/bench-cluster-overhead.sh [ROUNDS]     (default 3)
# Environment: ORCHESTRATOR_BIN  an already built `orchestrator` executable or orchestrator.dll (skips the build)
#              WARMUP=1          one round of each first, not counted: the first run after a build pays for the disk
#                                cache and the JIT of both, and which one goes first would otherwise pay more
#              PRIME=N           each server (plain, and the silo) first runs N sets of 30 other manuscripts (slices at
#                                other places, none equal to a measured one), unmeasured, then the measured 30: a server
#                                that has been up for a while, its code compiled, rather than a fresh process. One set
#                                leaves hot methods still at their first, unoptimised tier (perf shows them); two or
#                                three reach the steady state of a long-running server
#              PERF_OUT=DIR      records each server with `perf` (call graphs, JIT frames named through the runtime's perf
#                                map) while it runs the measured 30, and writes DIR/plain-R.txt and DIR/cluster-R.txt:
#                                the samples by library and the top functions, and keeps the recordings there as
#                                DIR/NAME.perf (costs some CPU, so the times are not comparable with runs without it)
# Run it when the machine is quiet (see `uptime`), e.g. `nice -n -5 tools/scripts/bench-cluster-overhead.sh`.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
rounds="${1:-3}"
corpus="$(realpath "$root/../shared/corpus")"
for tool in redis-server redis-cli python3; do
  command -v "$tool" >/dev/null || { echo "bench-cluster-overhead: needs $tool" >&2; exit 2; }
done
. tools/scripts/orchestrator-cli.sh
# perf names JIT-compiled frames from the runtime's /tmp/perf-PID.map; W^X would split them into unnamed copies.
[ -n "${PERF_OUT:-}" ] && export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
work="$(mktemp -d)"
pids=()
redis_ports=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  for port in "${redis_ports[@]}"; do redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# The manuscripts, as ClusterBatchProcessTests.Manuscripts makes them.
python3 - "$corpus" "$work/manuscripts" "$work/prime" "${PRIME:-0}" <<'EOF'
import os, sys
corpus, out, prime, sets = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
os.makedirs(out)
books = ["carroll-alices-adventures-in-wonderland", "shelley-frankenstein", "austen-pride-and-prejudice", "melville-moby-dick"]
texts = [open(os.path.join(corpus, b + ".txt"), encoding="utf-8-sig").read().replace("\r\n", "\n") for b in books]
paragraphs = [[p for p in t.split("\n\n") if p] for t in texts]
sizes = [500, 1200, 2000, 3000]
def write_slice(folder, name, i, offset):
    """The i-th slice: a run of paragraphs of one of the four novels, starting at a place set by i and offset."""
    book = i % 4
    ps = paragraphs[book]
    size = min(sizes[i % 4], len(ps) // 2)
    start = (i * 7919 + offset) % (len(ps) - size)
    open(os.path.join(folder, f"{name}-{books[book]}-{start}-{start + size}.txt"), "w", encoding="utf-8").write("\n\n".join(ps[start:start + size]) + "\n")
for i in range(3):
    open(os.path.join(out, f"{i + 1:02d}-{books[i]}.txt"), "w", encoding="utf-8").write(texts[i])
for i in range(27):
    write_slice(out, f"{i + 4:02d}", i, 0)
# PRIME's manuscripts: 30 slices of the same sizes at other places (a server may answer a post of content it already
# analysed with the earlier session, so none may equal a measured one).
for k in range(1, sets + 1):
    os.makedirs(f"{prime}{k}")
    for i in range(30):
        write_slice(f"{prime}{k}", f"p{i:02d}", i, 4231 * k)
EOF
words="$(cat "$work"/manuscripts/*.txt | wc -w)"

# Posts every manuscript of FOLDER (default: the measured 30) at once to BASE (/api/sessions or /api/cluster/sessions) and prints the seconds from the first
# post to the last session completed. Calls come from loopback addresses in turn, so the server's per-client rate
# limit does not throttle the polling.
drive() {
  python3 - "$1" "$2" "${3:-$work/manuscripts}" <<'EOF'
import http.client, itertools, json, os, sys, time, urllib.parse
from concurrent.futures import ThreadPoolExecutor
url, base, folder = sys.argv[1], sys.argv[2], sys.argv[3]
sources = itertools.cycle(f"127.0.0.{i}" for i in range(2, 202))
host = urllib.parse.urlsplit(url)
def call(method, path, body=None):
    c = http.client.HTTPConnection(host.hostname, host.port, timeout=600, source_address=(next(sources), 0))
    c.request(method, path, body=body, headers={"Content-Type": "text/plain"} if body is not None else {})
    r = c.getresponse(); data = r.read()
    if r.status >= 400: raise SystemExit(f"{method} {path}: {r.status} {data[:300]!r}")
    return json.loads(data)
files = sorted(os.listdir(folder))
bodies = {f: open(os.path.join(folder, f), "rb").read() for f in files}
start = time.perf_counter()
with ThreadPoolExecutor(8) as pool:
    ids = list(pool.map(lambda f: call("POST", f"{base}?name={urllib.parse.quote(f)}", bodies[f])["id"], files))
left = set(ids)
while left:
    for sid in list(left):
        status = call("GET", f"{base}/{sid}")["status"]
        if status in ("Queued", "Running", "Interrupted"): continue
        if status != "Completed": raise SystemExit(f"session {sid} ended {status}")
        left.discard(sid)
    if left: time.sleep(0.1)
print(f"{time.perf_counter() - start:.2f}")
EOF
}

# perf_start PID NAME: when PERF_OUT is set, records PID until perf_stop, into $work/NAME.perf.
perf_start() {
  [ -n "${PERF_OUT:-}" ] || return 0
  perf record -F 499 -g -p "$1" -o "$work/$2.perf" >/dev/null 2>&1 &
  perf_pid=$!
  sleep 0.5
}
# perf_stop NAME: ends the recording and writes its summary to PERF_OUT/NAME.txt.
perf_stop() {
  [ -n "${PERF_OUT:-}" ] || return 0
  kill -INT "$perf_pid"; wait "$perf_pid" 2>/dev/null || true
  mkdir -p "$PERF_OUT"
  cp "$work/$1.perf" "$PERF_OUT/$1.perf"
  { perf report -i "$work/$1.perf" --no-children --sort dso --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -15
    echo
    perf report -i "$work/$1.perf" --no-children --sort sym --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -60
  } >"$PERF_OUT/$1.txt"
}

# CPU seconds (user + system) process PID has used so far.
cpu_of() { python3 -c 'import os, sys; f = open(f"/proc/{sys.argv[1]}/stat").read().rsplit(")", 1)[1].split(); print((int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK"))' "$1"; }
# Seconds of CPU between two readings.
cpu_between() { python3 -c 'import sys; print(f"{float(sys.argv[2]) - float(sys.argv[1]):.1f}")' "$1" "$2"; }

wait_for() { for _ in $(seq 600); do python3 -c "import urllib.request; urllib.request.urlopen('$1', timeout=2)" 2>/dev/null && return 0; sleep 0.1; done; echo "bench-cluster-overhead: $1 never answered" >&2; exit 1; }

plain_round() {
  local port data pid
  port="$(free_port)"; data="$work/plain-$1"
  "${cli[@]}" --data "$data" serve --urls "http://127.0.0.1:$port" --pipelines "$root/pipelines" --max-running 2 >"$data.out" 2>"$data.err" &
  pid=$!; pids+=("$pid")
  wait_for "http://127.0.0.1:$port/api/sessions?limit=1"
  for k in $(seq "${PRIME:-0}"); do drive "http://127.0.0.1:$port" /api/sessions "$work/prime$k" >/dev/null; done
  local before; before="$(cpu_of "$pid")"
  perf_start "$pid" "plain-$1"
  drive "http://127.0.0.1:$port" /api/sessions
  perf_stop "plain-$1"
  cpu_between "$before" "$(cpu_of "$pid")" >"$work/plain-cpu-$1"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

cluster_round() {
  local port redis data pid
  port="$(free_port)"; redis="$(free_port)"; data="$work/cluster-$1"
  mkdir -p "$data"; redis_ports+=("$redis")
  redis-server --port "$redis" --bind 127.0.0.1 --dir "$data" --save '' --appendonly no --daemonize yes >/dev/null
  until redis-cli -p "$redis" ping >/dev/null 2>&1; do sleep 0.1; done
  "${cli[@]}" --data "$data" serve --urls "http://127.0.0.1:$port" --pipelines "$root/pipelines" --max-running 2 \
    --cluster "redis://127.0.0.1:$redis" --cluster-id bench >"$data.out" 2>"$data.err" &
  pid=$!; pids+=("$pid")
  wait_for "http://127.0.0.1:$port/api/cluster/status"
  for k in $(seq "${PRIME:-0}"); do drive "http://127.0.0.1:$port" /api/cluster/sessions "$work/prime$k" >/dev/null; done
  redis-cli -p "$redis" config resetstat >/dev/null
  local redis_pid before redis_before
  redis_pid="$(redis-cli -p "$redis" info server | tr -d '\r' | awk -F: '$1=="process_id"{print $2}')"
  before="$(cpu_of "$pid")"; redis_before="$(cpu_of "$redis_pid")"
  perf_start "$pid" "cluster-$1"
  drive "http://127.0.0.1:$port" /api/cluster/sessions
  perf_stop "cluster-$1"
  cpu_between "$before" "$(cpu_of "$pid")" >"$work/cluster-cpu-$1"
  cpu_between "$redis_before" "$(cpu_of "$redis_pid")" >"$work/redis-cpu-$1"
  calls="$(redis-cli -p "$redis" info commandstats | tr -d '\r' | awk -F'[=,]' '/^cmdstat_/{n+=$2} END{print n}')"
  echo "$calls" >"$work/redis-calls-$1"
  redis-cli -p "$redis" info stats | tr -d '\r' | awk -F: '$1=="total_net_input_bytes"{print $2}' >"$work/redis-bytes-$1"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  redis-cli -p "$redis" shutdown nosave >/dev/null 2>&1 || true
}

echo "30 manuscripts, $words words; --max-running 2; $rounds round(s)$([ "${WARMUP:-0}" = 1 ] && echo " after a warm-up round")$([ "${PRIME:-0}" != 0 ] && echo ", each server primed with ${PRIME} set(s) of 30 others first"); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${WARMUP:-0}" = 1 ]; then
  p="$(plain_round 0)"; c="$(cluster_round 0)"
  echo "warm-up (not counted): plain serve ${p} s, one-silo cluster ${c} s"
fi
plain=(); cluster=()
for r in $(seq "$rounds"); do
  p="$(plain_round "$r")"; c="$(cluster_round "$r")"
  plain+=("$p"); cluster+=("$c")
  echo "round $r: plain serve ${p} s (server CPU $(cat "$work/plain-cpu-$r") s), one-silo cluster ${c} s (silo CPU $(cat "$work/cluster-cpu-$r") s," \
    "Redis CPU $(cat "$work/redis-cpu-$r") s; $(cat "$work/redis-calls-$r") Redis commands, $(( $(cat "$work/redis-calls-$r") / 30 )) per session;" \
    "$(( $(cat "$work/redis-bytes-$r") / 30 / 1024 )) KB sent to Redis per session); load $(cut -d' ' -f1 /proc/loadavg)"
done
python3 - "${plain[*]}" "${cluster[*]}" "$words" <<'EOF'
import statistics, sys
p = [float(x) for x in sys.argv[1].split()]; c = [float(x) for x in sys.argv[2].split()]; words = int(sys.argv[3])
mp, mc = statistics.median(p), statistics.median(c)
print(f"median: plain serve {mp:.2f} s ({words / mp:,.0f} words/s), one-silo cluster {mc:.2f} s ({words / mc:,.0f} words/s); "
      f"cluster / plain = {mc / mp:.3f} ({(mc / mp - 1) * 100:+.1f}%)")
EOF
