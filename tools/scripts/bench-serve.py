#!/usr/bin/env python3
"""Posted -> report ready on a warm `orchestrator serve`: median and p95 over N posts of one manuscript.

Usage: bench-serve.py URL MANUSCRIPT [N]. Each post asks a different targetLength so it is a new session
(the same content and requirements would answer with the finished session at once). A first post warms up.
"""
import json, statistics, sys, time, urllib.request

url, path = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 10
body = open(path, "rb").read()

def call(method, path, data=None, ctype=None):
    req = urllib.request.Request(url + path, data=data, method=method)
    if ctype: req.add_header("Content-Type", ctype)
    with urllib.request.urlopen(req) as r:
        return r.status, r.read()

def once(target):
    start = time.perf_counter()
    _, answer = call("POST", f"/api/sessions?targetLength={target}", body, "text/plain")
    sid = json.loads(answer)["id"]
    while json.loads(call("GET", f"/api/sessions/{sid}")[1])["status"] in ("Queued", "Running"):
        time.sleep(0.005)
    call("GET", f"/api/sessions/{sid}/report")
    return (time.perf_counter() - start) * 1000

base = int(time.time()) % 100000 * 100
once(base)
times = sorted(once(base + i + 1) for i in range(n))
p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
print(f"{path}: posted -> report ready over {n} warm runs: median {statistics.median(times):.0f} ms, p95 {p95:.0f} ms, min {times[0]:.0f} ms")
