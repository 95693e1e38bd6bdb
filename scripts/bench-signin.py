#!/usr/bin/env python3
"""Sign-in under a password-guessing flood: the latency of a legitimate sign-in (and of a plain
API read) while N clients, each from its own loopback address (127.0.0.2, 127.0.0.3, …), post
wrong passwords to /api/v1/auth/token as fast as they are answered.

    scripts/bench-signin.py URL [--clients 8] [--seconds 30] [--samples 20]

Prints the baseline (no flood), then the figures under the flood, and what the flood was answered."""
import argparse, http.client, json, random, statistics, string, threading, time, urllib.parse

def request(conn, method, path, body=None, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    start = time.perf_counter()
    conn.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    res = conn.getresponse()
    data = res.read()
    return res.status, data, time.perf_counter() - start

def connect(host, port, source=None):
    return http.client.HTTPConnection(host, port, timeout=60, source_address=(source, 0) if source else None)

def attacker(host, port, index, stop, counts, lock):
    conn = connect(host, port, "127.0.0.%d" % (index + 2))
    while not stop.is_set():
        name = "guess-" + "".join(random.choice(string.ascii_lowercase) for _ in range(6))
        # every other attempt aims at a real account
        user = "admin" if random.random() < 0.5 else name
        try:
            status, _, _ = request(conn, "POST", "/api/v1/auth/token", {"username": user, "password": "wrong-" + name})
        except Exception:
            conn.close()
            conn = connect(host, port, "127.0.0.%d" % (index + 2))
            status = "error"
        with lock:
            counts[status] = counts.get(status, 0) + 1

def measure(host, port, samples, pause):
    conn = connect(host, port)
    logins, reads = [], []
    token = None
    for _ in range(samples):
        status, data, elapsed = request(conn, "POST", "/api/v1/auth/token", {"username": "issuer", "password": "demo-issuer"})
        if status != 200:
            raise SystemExit("legitimate sign-in answered %s: %s" % (status, data[:200]))
        logins.append(elapsed)
        token = json.loads(data)["token"]
        status, _, elapsed = request(conn, "GET", "/api/v1/customers?q=0076229645", token=token)
        if status != 200:
            raise SystemExit("customer search answered %s" % status)
        reads.append(elapsed)
        time.sleep(pause)
    return logins, reads

def show(label, values):
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    print("  %-28s n=%-3d p50 %6.3f s   p95 %6.3f s   max %6.3f s" % (label, len(values), statistics.median(values), p95, values[-1]))

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--samples", type=int, default=20)
    args = parser.parse_args()
    url = urllib.parse.urlparse(args.url)
    host, port = url.hostname, url.port or 80

    print("baseline (no flood):")
    logins, reads = measure(host, port, 5, 0.2)
    show("legitimate sign-in", logins)
    show("customer search", reads)

    stop, lock, counts = threading.Event(), threading.Lock(), {}
    threads = [threading.Thread(target=attacker, args=(host, port, i, stop, counts, lock), daemon=True) for i in range(args.clients)]
    for t in threads:
        t.start()
    time.sleep(3)  # let the flood reach its steady state
    pause = max(0.0, (args.seconds - 3) / args.samples - 1.0)
    print("under %d clients posting wrong passwords, each from its own address:" % args.clients)
    started = time.perf_counter()
    logins, reads = measure(host, port, args.samples, pause)
    elapsed = time.perf_counter() - started + 3
    stop.set()
    for t in threads:
        t.join(timeout=70)
    show("legitimate sign-in", logins)
    show("customer search", reads)
    total = sum(counts.values())
    print("  flood: %d attempts in %.0f s (%.0f/s): %s" % (total, elapsed, total / elapsed,
          ", ".join("%s × %d" % (k, v) for k, v in sorted(counts.items(), key=lambda kv: str(kv[0])))))
    print("  verdict: legitimate sign-in p95 %s 1.5 s" % ("under" if sorted(logins)[int(round(0.95 * (len(logins) - 1)))] < 1.5 else "OVER"))

if __name__ == "__main__":
    main()
