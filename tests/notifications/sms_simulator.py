"""A real HTTP server on 127.0.0.1 that behaves like SMSAPI.pl's /sms.do for the gateway tests."""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

TOKEN = "simulator-token-7f3a"


@dataclass
class SimulatorState:
    token: str = TOKEN
    accepted: list[dict] = field(default_factory=list)  # messages the "provider" accepted
    requests: int = 0
    fail_with: list[int] = field(default_factory=list)  # HTTP statuses to answer first, one per request
    error_code: int | None = None  # answer HTTP 200 with {"error": code} (SMSAPI style)
    delay: float = 0.0  # seconds to wait before answering
    lock: threading.Lock = field(default_factory=threading.Lock)
    # SMSAPI's idx + check_idx=1: a second message with an idx already accepted is refused (error 53)
    seen_idx: set[str] = field(default_factory=set)
    duplicates_refused: int = 0
    # accept the N-th message, then hold its answer until ``release`` is set (a worker can be killed
    # while it waits: the provider has the message, the worker never hears so)
    hang_after_accepting: int | None = None
    hanging: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)


def make_handler(state: SimulatorState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format, *args):  # keep test output quiet
            pass

        def _answer(self, status: int, payload: dict) -> None:
            body = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self):
            length = int(self.headers.get("Content-Length", 0))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode("utf-8")).items()}
            with state.lock:
                state.requests += 1
                failure = state.fail_with.pop(0) if state.fail_with else None
            if state.delay:
                time.sleep(state.delay)
            if self.headers.get("Authorization") != f"Bearer {state.token}":
                return self._answer(401, {"error": 101, "message": "Authorization failed"})
            if failure is not None:
                return self._answer(
                    failure,
                    {"error": 201, "message": "Internal error"}
                    if failure >= 500
                    else {"error": 13, "message": "No correct phone numbers"},
                )
            if state.error_code is not None:
                return self._answer(200, {"error": state.error_code, "message": "Simulated provider error"})
            missing = [k for k in ("to", "message", "from", "encoding", "format") if k not in form]
            if missing or form["encoding"] != "utf-8" or form["format"] != "json":
                return self._answer(400, {"error": 8, "message": f"Bad request: {missing}"})
            idx = form.get("idx", "")
            with state.lock:
                if idx and form.get("check_idx") == "1" and idx in state.seen_idx:
                    state.duplicates_refused += 1
                    duplicate = True
                else:
                    duplicate = False
                    if idx:
                        state.seen_idx.add(idx)
            if duplicate:
                return self._answer(200, {"error": 53, "message": f"Message with idx {idx} already sent"})
            message_id = uuid.uuid4().hex[:20]
            # the provider counts parts itself (UTF-16 units of non-ASCII text, 67 per part)
            units = len(form["message"].encode("utf-16-le")) // 2
            ascii_only = all(ord(c) < 128 for c in form["message"])
            single, multi = (160, 153) if ascii_only else (70, 67)
            parts = 1 if units <= single else -(-units // multi)
            with state.lock:
                state.accepted.append({"id": message_id, **form})
                hang = (
                    state.hang_after_accepting is not None
                    and len(state.accepted) == state.hang_after_accepting
                )
            if hang:
                state.hanging.set()
                state.release.wait(timeout=120)
            return self._answer(
                200,
                {
                    "count": 1,
                    "list": [
                        {
                            "id": message_id,
                            "points": 0.16 * parts,
                            "number": form["to"],
                            "date_sent": int(time.time()),
                            "submitted_number": form["to"],
                            "status": "QUEUE",
                            "error": None,
                            "idx": None,
                            "parts": parts,
                        }
                    ],
                },
            )

    return Handler


class SmsApiSimulator:
    def __init__(self) -> None:
        self.state = SimulatorState()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), make_handler(self.state))
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/sms.do"

    def __enter__(self) -> SmsApiSimulator:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
