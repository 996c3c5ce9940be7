#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Login flood against the public portal (issue 11.3), driving `suiji serve` on a demo district.

Measures the median and 95th percentile of GET /public/targets?q=… (a citizen's search) three ways
in the same run: alone (the baseline), while N anonymous clients flood GET /health (plain request
load, the second baseline), and while N anonymous clients flood POST /api/v1/auth/token with
random names from random addresses (the server runs with --trust-forwarded-for, so each flooder
looks like many clients and the per-address back-off does not stop it). Prints each ratio to the
baseline and what the flood was answered (401 wrong password, 429 throttled, 503 hashing queue full).

    swift build && Benchmarks/login-flood.py --flooders 16 --seconds 20
"""

import argparse
import collections
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def fetch(url, body=None, headers=None, timeout=30):
    request = urllib.request.Request(url, body, headers or {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        error.read()
        return error.code
    except OSError:
        return 0


def portal_latencies(base, seconds, names):
    samples = []
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        q = urllib.request.quote(names[n % len(names)])
        start = time.perf_counter()
        status = fetch(f"{base}/public/targets?q={q}")
        samples.append((time.perf_counter() - start) * 1000)
        if status != 200:
            sys.exit(f"portal answered {status}")
        n += 1
    return samples


def flood(kind, base, flooders, stop, answers):
    def login():
        while not stop.is_set():
            name = "".join(random.choices("abcdefghijklmnopqrstuvwxyz", k=10))
            address = f"198.51.{random.randrange(256)}.{random.randrange(1, 255)}"
            body = json.dumps({"username": name, "password": "wrong-password-2026"}).encode()
            status = fetch(
                f"{base}/api/v1/auth/token",
                body,
                {"Content-Type": "application/json", "X-Forwarded-For": address},
            )
            answers[status] += 1

    def health():
        while not stop.is_set():
            answers[fetch(f"{base}/health")] += 1

    threads = [threading.Thread(target=login if kind == "login" else health, daemon=True) for _ in range(flooders)]
    for thread in threads:
        thread.start()
    return threads


def summary(samples):
    samples = sorted(samples)
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1], len(samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suiji", default=os.environ.get("SUIJI_BIN", ".build/debug/suiji"))
    parser.add_argument("--flooders", type=int, nargs="+", default=[16, 64])
    parser.add_argument("--seconds", type=float, default=15, help="measuring time of each condition")
    parser.add_argument("--scale", default="0.2", help="demo district scale")
    parser.add_argument("--port", type=int, default=0, help="port for suiji serve (default: a free one)")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="suiji-login-flood-")
    db = os.path.join(work, "demo.sqlite")
    subprocess.run(
        [args.suiji, "demo", "--no-serve", "--fresh", "--db", db, "--scale", args.scale],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port = args.port or free_port()
    server = subprocess.Popen(
        [args.suiji, "serve", "--db", db, "--port", str(port), "--trust-forwarded-for"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            if fetch(f"{base}/health", timeout=2) == 200:
                break
            time.sleep(0.1)
        names = ["陶瓷", "餐饮", "药房", "超市", "加油站", "酒店", "建材", "食品"]
        portal_latencies(base, 2, names)  # warm-up
        median, p95, count = summary(portal_latencies(base, args.seconds, names))
        print(f"baseline: portal alone                        median {median:7.1f} ms  p95 {p95:7.1f} ms  ({count} searches)")
        for flooders in args.flooders:
            for kind in ("health", "login"):
                stop = threading.Event()
                answers = collections.Counter()
                threads = flood(kind, base, flooders, stop, answers)
                time.sleep(1)
                m, p, count = summary(portal_latencies(base, args.seconds, names))
                stop.set()
                for thread in threads:
                    thread.join()
                label = f"{flooders} flooders of {'GET /health' if kind == 'health' else 'logins (random names)'}"
                answered = ", ".join(f"{status or 'no answer'}: {n}" for status, n in sorted(answers.items()))
                print(
                    f"{label:<45} median {m:7.1f} ms  p95 {p:7.1f} ms  ({m / median:5.1f}× the baseline median; "
                    f"flood answered {answered})")
                if server.poll() is not None:
                    sys.exit("suiji serve died")
    finally:
        server.terminate()
        server.wait()
        subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
