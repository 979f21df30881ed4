#!/usr/bin/env python3
"""Posted -> report ready on a warm `orchestrator serve`: median and p95 over N posts of one manuscript.

Usage: bench-serve.py URL MANUSCRIPT [N]. Each post asks a different targetLength so it is a new session
(the same content and requirements would answer with the finished session at once). A first post warms up.
Report ready = the session's events stream sent `end` (sent after the reports are written), then GET /report.
"""
import http.client, itertools, json, statistics, sys, time, urllib.parse

url, path = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 10
body = open(path, "rb").read()

# The server limits requests per client address (600 a minute by default): the bench spreads its calls over
# loopback addresses 127.0.0.2-127.0.0.201, so what it measures is the server, not the limiter.
_sources = itertools.cycle(f"127.0.0.{i}" for i in range(2, 202))

def open_url(method, path, data=None, ctype=None, timeout=600):
    parts = urllib.parse.urlsplit(url + path)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout, source_address=(next(_sources), 0))
    conn.request(method, parts.path + ("?" + parts.query if parts.query else ""), body=data, headers={"Content-Type": ctype} if ctype else {})
    r = conn.getresponse()
    if r.status >= 400: raise RuntimeError(f"{method} {path}: {r.status} {r.read()[:300]!r}")
    return r

def call(method, path, data=None, ctype=None):
    r = open_url(method, path, data, ctype)
    return r.status, r.read()


def once(target):
    start = time.perf_counter()
    _, answer = call("POST", f"/api/sessions?targetLength={target}", body, "text/plain")
    sid = json.loads(answer)["id"]
    # The events stream ends with `end` once the session stopped and its reports are written: no polling (and no
    # 600-a-minute rate limit to run into).
    r = open_url("GET", f"/api/sessions/{sid}/events")
    for line in r:
        if line.startswith(b"event: end"): break
    call("GET", f"/api/sessions/{sid}/report")
    return (time.perf_counter() - start) * 1000

base = int(time.time()) % 100000 * 100
once(base)
times = sorted(once(base + i + 1) for i in range(n))
p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
print(f"{path}: posted -> report ready over {n} warm runs: median {statistics.median(times):.0f} ms, p95 {p95:.0f} ms, min {times[0]:.0f} ms")
