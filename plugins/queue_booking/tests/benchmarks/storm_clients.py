"""Load generator of the release-storm benchmark, run in its own process (``python storm_clients.py``).

It reads a JSON object ``{"port", "clients", "release_at", "service"}`` from the first argument and
prints one JSON line with the outcomes, the latency of every booking POST (seconds) and the wall-clock
times of the successful bookings.

Every client is an asyncio task holding one keep-alive HTTP/1.1 connection (as a browser does), so the
generator spends almost no CPU of its own and never queues a request behind 500 Python threads
fighting for the GIL: the latency printed is what a client waits for the server. The protocol is
plain HTTP/1.1 over TCP (request line, headers, ``Content-Length`` or chunked body); a stale
keep-alive connection closed by the server before any byte of the answer is reopened and the request
sent again — safe for the POST too, because it carries an ``Idempotency-Key``.

With ``STORM_DUMP=<file>`` the outcome is also written there with a ``trace`` of every request
(kind, sent, answered, status) for a timeline of the storm.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import sys
import time
import uuid

HOST = "127.0.0.1"


class Connection:
    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except OSError:
                pass
        self.reader = self.writer = None

    async def request(
        self, method: str, path: str, body: dict | None = None, headers: dict | None = None
    ) -> tuple[int, bytes]:
        payload = json.dumps(body).encode() if body is not None else b""
        head = [f"{method} {path} HTTP/1.1", f"Host: {HOST}", "Connection: keep-alive"]
        head += [f"{name}: {value}" for name, value in (headers or {}).items()]
        if body is not None:
            head += ["Content-Type: application/json", f"Content-Length: {len(payload)}"]
        message = ("\r\n".join(head) + "\r\n\r\n").encode() + payload
        for attempt in range(2):
            reused = self.writer is not None
            if not reused:
                self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
            try:
                self.writer.write(message)
                await self.writer.drain()
                status_line = await self.reader.readline()
                if not status_line:
                    raise ConnectionResetError("closed before the answer")
            except (ConnectionError, OSError):
                await self.close()
                if reused and attempt == 0:
                    continue  # a keep-alive connection the server had closed: reopen once
                raise
            return await self._rest(status_line)
        raise ConnectionError("unreachable")

    async def _rest(self, status_line: bytes) -> tuple[int, bytes]:
        status = int(status_line.split()[1])
        length, chunked, close = 0, False, False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            name, value = name.strip().lower(), value.strip().lower()
            if name == "content-length":
                length = int(value)
            elif name == "transfer-encoding" and "chunked" in value:
                chunked = True
            elif name == "connection" and value == "close":
                close = True
        if chunked:
            parts = []
            while True:
                size = int((await self.reader.readline()).split(b";")[0], 16)
                if size == 0:
                    await self.reader.readline()
                    break
                parts.append(await self.reader.readexactly(size))
                await self.reader.readexactly(2)
            content = b"".join(parts)
        else:
            content = await self.reader.readexactly(length)
        if close:
            await self.close()
        return status, content


async def client(number: int, config: dict, results: dict) -> None:
    rng = random.Random(number)
    conn = Connection(config["port"])
    availability = f"/api/booking/availability/?service={config['service']}"
    await asyncio.sleep(max(0.0, config["release_at"] - time.time()))
    try:
        for _attempt in range(50):
            try:
                g0 = time.time()
                status, body = await conn.request("GET", availability)
                results.setdefault("trace", []).append(("G", g0, time.time(), status))
                if status != 200:
                    results["errors"] += 1
                    continue
                free = json.loads(body)
                if not free:
                    results["gave_up"] += 1
                    return
                slot = rng.choice(free)
                payload = {
                    "slot": slot["id"],
                    "full_name": f"Client {number}",
                    "document_kind": "passport",
                    "document_number": f"ST{number:07d}",
                    "if_taken": config.get("if_taken", "fail"),
                }
                began = time.perf_counter()
                status, _ = await conn.request(
                    "POST", "/api/booking/bookings/", payload, {"Idempotency-Key": uuid.uuid4().hex}
                )
                took = time.perf_counter() - began
                results.setdefault("trace", []).append(("P", time.time() - took, time.time(), status))
            except (OSError, ValueError, asyncio.IncompleteReadError):
                results["errors"] += 1
                await conn.close()
                continue
            results["latencies"].append(took)
            if status == 201:
                results["booked"] += 1
                results["successes"].append(time.time())
                return
            if status == 409:
                results["gone"] += 1
            else:
                results["errors"] += 1
        results["gave_up"] += 1
    finally:
        await conn.close()


async def storm(config: dict) -> dict:
    results: dict = {"booked": 0, "gone": 0, "errors": 0, "gave_up": 0, "latencies": [], "successes": []}
    results["started_at"] = max(config["release_at"], time.time())  # the release, or now if already past
    await asyncio.gather(*(client(number, config, results) for number in range(config["clients"])))
    return results


if __name__ == "__main__":
    outcome = asyncio.run(storm(json.loads(sys.argv[1])))
    outcome["cpu_seconds"] = time.process_time()
    if os.environ.get("STORM_DUMP"):
        with open(os.environ["STORM_DUMP"], "w") as dump:
            json.dump(outcome, dump)
    print(json.dumps(outcome))
