"""How fast `sns-lint serve` answers a 1,000-character draft once warm (budget: 100 ms).

    python benchmarks/web_latency.py              # 200 requests over HTTP to a real server
    python benchmarks/web_latency.py --requests 50

The app runs under uvicorn on 127.0.0.1 (an ephemeral port) exactly as `sns-lint serve`
runs it; requests go over a keep-alive HTTP connection, as the page's fetch() does.
The draft is built from the benchmark sentences (dates, phone numbers, URLs, hashtags,
emoji) and is exactly 1,000 characters; a little of it changes with every request, as
typing does, so no cache can answer in its place. Prints median, 95th percentile and
maximum of POST /api/check and POST /api/length, and the time of the first request after
start-up (the server warms every worker's dictionary before it accepts requests).
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import sentences  # noqa: E402  (benchmarks/sentences.py)

BUDGET_MS = 100.0


def draft_of(length: int, seed: int) -> str:
    rng = random.Random(seed)
    text = ""
    while len(text) < length:
        text += sentences.make_post(rng) + "\n"
    return text[:length]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--chars", type=int, default=1000)
    args = parser.parse_args()

    from tests.web_harness import live_server

    base = draft_of(args.chars, sentences.DEFAULT_SEED)
    started = time.perf_counter()
    with live_server() as url:
        ready = time.perf_counter() - started
        host, port = url.split("//")[1].rstrip("/").split(":")
        connection = http.client.HTTPConnection(host, int(port))
        origin = url.rstrip("/")

        def post(path: str, text: str) -> tuple[float, dict]:
            body = json.dumps({"text": text, "platform": "x"}).encode("utf-8")
            headers = {"Content-Type": "application/json", "Origin": origin}
            start = time.perf_counter()
            connection.request("POST", path, body, headers)
            response = connection.getresponse()
            data = response.read()
            elapsed = (time.perf_counter() - start) * 1000
            assert response.status == 200, data
            return elapsed, json.loads(data)

        first, document = post("/api/check", base)
        timings: dict[str, list[float]] = {"/api/check": [], "/api/length": []}
        for i in range(args.requests):
            text = base[: args.chars - 4] + f"{i:04d}"  # an edit at the end, as typing does
            for path in timings:
                timings[path].append(post(path, text)[0])
        connection.close()

    print(f"draft: {len(base)} characters, {len(document['findings'])} findings; server ready in {ready:.2f} s")
    print(f"first check after start-up: {first:.1f} ms")
    worst_median = 0.0
    for path, values in timings.items():
        values.sort()
        median = statistics.median(values)
        p95 = values[int(len(values) * 0.95) - 1]
        worst_median = max(worst_median, median)
        print(f"{path:12} median {median:6.1f} ms   p95 {p95:6.1f} ms   max {values[-1]:6.1f} ms   (n={len(values)})")
    verdict = "within" if worst_median <= BUDGET_MS else "OVER"
    print(f"budget {BUDGET_MS:.0f} ms for a warm check: {verdict}")
    return 0 if worst_median <= BUDGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
