"""A loopback simulator of a recipient authority's electronic inbox (the protocol of
:mod:`przystan.dispatch`), for tests and the demo::

    python -m przystan.dispatch_simulator --port 8723

It validates what arrives like the real inbox would (required fields, base64, every attachment's
SHA-256), answers a dispatch number and a delivery confirmation, and keeps what it received in
memory (``InboxSimulator.received``) so tests can read it back.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import datetime
import hashlib
import json
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

REQUIRED = ("reference", "purpose", "subject", "body", "sender", "attachments")


class InboxSimulator:
    """Start with :meth:`start` (a daemon thread), stop with :meth:`stop`; also a context manager."""

    def __init__(self, host: str = "127.0.0.1", port: int = 8723) -> None:
        self.host, self.port = host, port
        self.received: list[dict[str, Any]] = []
        self.refuse_next = 0  # answer 503 to the next N posts (to test a failing inbox)
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> InboxSimulator:
        simulator = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
                return

            def _answer(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802 - stdlib API
                parts = [p for p in self.path.split("/") if p]
                if len(parts) != 2 or parts[0] != "inbox":
                    return self._answer(404, {"error": "unknown address"})
                with simulator._lock:
                    if simulator.refuse_next > 0:
                        simulator.refuse_next -= 1
                        return self._answer(503, {"error": "inbox unavailable"})
                length = int(self.headers.get("Content-Length") or 0)
                try:
                    message = json.loads(self.rfile.read(length) or b"")
                except ValueError:
                    return self._answer(400, {"error": "not JSON"})
                error = _check(message)
                if error:
                    return self._answer(400, {"error": error})
                dispatch_id = f"DSP-{uuid.uuid4().hex[:12].upper()}"
                record = {
                    **message,
                    "recipient": parts[1],
                    "dispatch_id": dispatch_id,
                    "delivered_at": datetime.datetime.now(datetime.UTC).isoformat(),
                }
                with simulator._lock:
                    simulator.received.append(record)
                return self._answer(201, {"dispatch_id": dispatch_id, "status": "accepted"})

            def do_GET(self) -> None:  # noqa: N802 - stdlib API
                parts = [p for p in self.path.split("/") if p]
                if len(parts) != 2 or parts[0] != "dispatches":
                    return self._answer(404, {"error": "unknown address"})
                with simulator._lock:
                    found = next((r for r in simulator.received if r["dispatch_id"] == parts[1]), None)
                if found is None:
                    return self._answer(404, {"error": "unknown dispatch"})
                return self._answer(
                    200,
                    {
                        "dispatch_id": found["dispatch_id"],
                        "recipient": found["recipient"],
                        "status": "delivered",
                        "delivered_at": found["delivered_at"],
                    },
                )

        self._server = ThreadingHTTPServer((self.host, self.port), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> InboxSimulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _check(message: Any) -> str:
    if not isinstance(message, dict):
        return "not an object"
    missing = [name for name in REQUIRED if name not in message]
    if missing:
        return "missing: " + ", ".join(missing)
    for attachment in message["attachments"]:
        try:
            data = base64.b64decode(attachment["data"], validate=True)
        except (KeyError, TypeError, binascii.Error):
            return "attachment without base64 data"
        if hashlib.sha256(data).hexdigest() != attachment.get("sha256"):
            return f"attachment {attachment.get('name', '')!r}: SHA-256 does not match"
    return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8723)
    args = parser.parse_args()
    simulator = InboxSimulator(args.host, args.port).start()
    print(f"Inbox simulator on {simulator.url}")  # noqa: T201
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        simulator.stop()


if __name__ == "__main__":
    main()
