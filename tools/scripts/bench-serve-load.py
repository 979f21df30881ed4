#!/usr/bin/env python3
"""Load figures of a running `orchestrator serve` (start it yourself, e.g. with --max-running 2 and --max-queued 1000).

Usage: bench-serve-load.py URL PID CORPUS_DIR [--batch N] [--sessions N] [--subscribers N] [--long FILE]

  batch        N manuscripts (the corpus novels, each copy made distinct by a line) posted at once as one .zip to
               POST /api/batches; words/s from the batch summary; GET /api/sessions/{id} p50/p99 measured meanwhile.
               The same folder is left in <temp dir>/bench-batch-folder for `orchestrator batch --parallel 2` to compare.
  sessions     N sessions of the smallest novel posted one after another; the server's RSS (from /proc/PID) at
               start, after N/5 and after N.
  subscribers  N event streams opened on one session (of --long, default the largest novel); each must read to
               its `end` event with the same number of events.
"""
import argparse, http.client, io, itertools, json, os, statistics, tempfile, threading, time, urllib.parse, zipfile

p = argparse.ArgumentParser()
p.add_argument("url"); p.add_argument("pid", type=int); p.add_argument("corpus")
p.add_argument("--batch", type=int, default=40); p.add_argument("--sessions", type=int, default=500)
p.add_argument("--subscribers", type=int, default=100); p.add_argument("--long")
a = p.parse_args()
novels = sorted(os.path.join(a.corpus, f) for f in os.listdir(a.corpus) if f.endswith(".txt"))

# The server limits requests per client address (600 a minute by default): the bench spreads its calls over
# loopback addresses 127.0.0.2-127.0.0.201, so what it measures is the server, not the limiter.
_sources = itertools.cycle(f"127.0.0.{i}" for i in range(2, 202))

def open_url(method, path, data=None, ctype=None, timeout=600):
    parts = urllib.parse.urlsplit(a.url + path)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout, source_address=(next(_sources), 0))
    conn.request(method, parts.path + ("?" + parts.query if parts.query else ""), body=data, headers={"Content-Type": ctype} if ctype else {})
    r = conn.getresponse()
    if r.status >= 400: raise RuntimeError(f"{method} {path}: {r.status} {r.read()[:300]!r}")
    return r

def call(method, path, data=None, ctype=None):
    r = open_url(method, path, data, ctype)
    return r.status, r.read()


def rss_mb():
    with open(f"/proc/{a.pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"): return int(line.split()[1]) / 1024

def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(q * len(values))) - 1))]

def batch():
    # In the temp dir, not the working directory: run from a checkout, it would leave 40 novels beside the sources.
    folder = os.path.join(tempfile.gettempdir(), "bench-batch-folder")
    os.makedirs(folder, exist_ok=True)
    stamp = str(time.time())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(a.batch):
            src = novels[i % len(novels)]
            text = open(src, encoding="utf-8").read() + f"\n\nBench copy {i} {stamp}.\n"
            name = f"{os.path.splitext(os.path.basename(src))[0]}-copy{i:03d}.txt"
            open(os.path.join(folder, name), "w", encoding="utf-8").write(text)
            z.writestr(f"bench/{name}", text)
    _, body = call("POST", "/api/batches", buffer.getvalue(), "application/zip")
    bid = json.loads(body)["id"]
    probe = json.loads(body)["manuscripts"][-1]["sessionId"]
    gets = []
    while True:
        for _ in range(20):
            t = time.perf_counter(); call("GET", f"/api/sessions/{probe}"); gets.append((time.perf_counter() - t) * 1000)
            time.sleep(0.02)
        view = json.loads(call("GET", f"/api/batches/{bid}")[1])
        if view["status"] == "done": break
    totals = view["totals"]
    print(f"batch of {a.batch} posted as one zip: {totals['succeeded']} succeeded, {totals['wordsAnalysed']:,} words in "
          f"{view['elapsedSeconds']:.1f} s = {totals['wordsAnalysed'] / view['elapsedSeconds']:,.0f} words/s")
    print(f"GET /api/sessions/{{id}} during it: {len(gets)} calls, p50 {pct(gets, .5):.1f} ms, p99 {pct(gets, .99):.1f} ms, max {max(gets):.1f} ms")
    print(f"compare: orchestrator batch {folder} --parallel 2 --data <fresh dir>")

def sessions():
    body = open(min(novels, key=os.path.getsize), "rb").read()
    base = int(time.time()) % 100000 * 1000
    print(f"RSS at start: {rss_mb():.0f} MB")
    for i in range(a.sessions):
        _, answer = call("POST", f"/api/sessions?targetLength={base + i + 1}", body, "text/plain")
        sid = json.loads(answer)["id"]
        while json.loads(call("GET", f"/api/sessions/{sid}")[1])["status"] in ("Queued", "Running"): time.sleep(0.01)
        if i + 1 in (a.sessions // 5, a.sessions): print(f"RSS after {i + 1} sessions: {rss_mb():.0f} MB")

def subscribers():
    path = a.long or max(novels, key=os.path.getsize)
    _, answer = call("POST", f"/api/sessions?targetLength={int(time.time())}", open(path, "rb").read(), "text/plain")
    sid = json.loads(answer)["id"]
    counts, firsts, errors = [], [], []
    def follow():
        try:
            t = time.perf_counter(); n = 0; first = None
            r = open_url("GET", f"/api/sessions/{sid}/events")
            for line in r:
                if first is None: first = (time.perf_counter() - t) * 1000
                if line.startswith(b"id: "): n += 1  # logged events only: live-only ones depend on when a stream joined
                if line.startswith(b"event: end"): break
            counts.append(n); firsts.append(first)
        except Exception as e:  # noqa: BLE001 - a bench reports every failure
            errors.append(repr(e))
    threads = [threading.Thread(target=follow) for _ in range(a.subscribers)]
    start = time.perf_counter()
    for t in threads: t.start()
    for t in threads: t.join()
    print(f"{a.subscribers} subscribers on one session ({os.path.basename(path)}): {len(counts)} read to the end in "
          f"{time.perf_counter() - start:.1f} s, logged events per stream {sorted(set(counts))}, first byte p50 {pct(firsts, .5):.0f} ms "
          f"p99 {pct(firsts, .99):.0f} ms, errors {len(errors)} {errors[:1]}")

print(f"load: {open('/proc/loadavg').read().split()[:3]}")
if a.subscribers: subscribers()
if a.batch: batch()
if a.sessions: sessions()
print(f"load: {open('/proc/loadavg').read().split()[:3]}")
