"""Load generator of the notification benchmark, run as its own process (no Django).

It reads ``{"url", "payloads", "parallel"}`` as JSON on stdin, POSTs every payload once with
``parallel`` threads and writes ``{"latencies", "statuses", "wall"}`` as JSON on stdout. Being a
separate process, its HTTP work does not compete for the GIL with the P24 simulator, which runs in
the test process and answers the server's verify calls. One client (one TLS context) is shared, but
every notification opens a fresh connection, as a gateway sends them.
"""

from __future__ import annotations

import json
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx


def main() -> None:
    job = json.load(sys.stdin)
    url, payloads, parallel = job["url"], job["payloads"], int(job["parallel"])
    latencies = [0.0] * len(payloads)
    statuses = [0] * len(payloads)
    limits = httpx.Limits(max_connections=parallel, max_keepalive_connections=0)
    with httpx.Client(timeout=120, limits=limits) as http:

        def send(index: int) -> None:
            began = time.perf_counter()
            try:
                statuses[index] = http.post(url, json=payloads[index]).status_code
            except httpx.HTTPError:
                statuses[index] = 0
            latencies[index] = time.perf_counter() - began

        began = time.perf_counter()
        with ThreadPoolExecutor(parallel) as pool:
            list(pool.map(send, range(len(payloads))))
        wall = time.perf_counter() - began
    json.dump({"latencies": latencies, "statuses": statuses, "wall": wall}, sys.stdout)


if __name__ == "__main__":
    main()
