"""A loopback fake of the Sejm ELI API: GET /eli/acts/<publisher>/<year>/<position> → JSON metadata."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeEliApi:
    def __init__(self) -> None:
        self.acts: dict[str, dict[str, Any]] = {}
        self.failing: set[str] = set()
        self.requests: list[str] = []

    def handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                api.requests.append(self.path)
                prefix = "/eli/acts/"
                eli = self.path[len(prefix) :].strip("/") if self.path.startswith(prefix) else ""
                if eli in api.failing:
                    self._send(503, {"error": "temporarily unavailable"})
                elif eli in api.acts:
                    self._send(200, {"ELI": eli, **api.acts[eli]})
                else:
                    self._send(404, {"error": "not found"})

            def _send(self, status: int, body: dict[str, Any]) -> None:
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: Any) -> None:
                pass

        return Handler


@contextmanager
def running_fake_api() -> Iterator[tuple[FakeEliApi, str]]:
    api = FakeEliApi()
    server = ThreadingHTTPServer(("127.0.0.1", 0), api.handler())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield api, f"http://127.0.0.1:{server.server_address[1]}/eli"
    finally:
        server.shutdown()
        server.server_close()
