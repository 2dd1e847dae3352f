"""A loopback simulator of the MOS package source: builds signed submission packages and serves them
over real HTTP, speaking the feed protocol the production client (:class:`mos_intake.FeedClient`)
uses. Tests start it on 127.0.0.1:8722; for the demo:

    python -m plugins.legalisation.mos_simulator --office uw-demo --port 8722 --packages 3

``GET /feed?office=<code>`` → ``{"packages": [{"id", "url"}]}`` (not yet acknowledged ones),
``GET /packages/<id>.zip`` → the zip, ``POST /packages/<id>.zip/ack`` → ``{"ok": true}`` (the entry
leaves the feed). The signing key is configuration (``LEGALISATION_MOS_KEYS``) or passed in.
"""

from __future__ import annotations

import argparse
import datetime
import json
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from . import mos_package

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
DEFAULT_PORT = 8722


def sample_manifest(office_code: str, *, package_id: str | None = None, **overrides: Any) -> dict[str, Any]:
    """A realistic temporary-residence (work) application as MOS would deliver it."""
    package_id = package_id or f"MOS-PKG-{uuid.uuid4().hex[:12].upper()}"
    mos_number = overrides.pop("mos_number", f"MOS/2026/{uuid.uuid4().int % 10**6:06d}")
    filed = overrides.pop("filed_at", "2026-05-04T10:12:00+02:00")
    manifest: dict[str, Any] = {
        "format": mos_package.FORMAT,
        "package_id": package_id,
        "office": office_code,
        "mos_number": mos_number,
        "application_type": "temp_work",
        "language": "uk",
        "filed_at": filed,
        "documents_complete_at": filed[:10],
        "applicant": {
            "given_names": "Oksana",
            "surname": "Melnyk",
            "birth_date": "1992-03-15",
            "passport_number": "FX7654321",
            "citizenship": "Ukraine",
            "email": "oksana.melnyk@example.com",
            "phone": "+48600300400",
        },
        "answers": {
            "surname": "Melnyk",
            "given_names": "Oksana",
            "birth_date": "1992-03-15",
            "citizenship": "Ukraine",
            "passport_number": "FX7654321",
            "city": "Warszawa",
            "employer_nip": "5260250274",
            "employment_start": "2026-06-01",
        },
        "signatures": [
            {
                "signer": "Oksana Melnyk",
                "method": "trusted_profile",
                "signed_at": filed,
                "valid": True,
                "issuer": "Profil Zaufany (login.gov.pl)",
                "serial": "PZ-4F2A91",
            }
        ],
        "employer_annex": {
            "required": True,
            "status": "signed",
            "employer_nip": "5260250274",
            "signed_at": "2026-05-05T09:00:00+02:00",
        },
        "upo": {"file": "upo.xml"},
        "attachments": [
            {"kind": "passport_copy", "file": "attachments/passport.pdf", "name": "paszport.pdf"},
            {"kind": "photo", "file": "attachments/photo.pdf", "name": "zdjecie.pdf"},
        ],
    }
    manifest.update(overrides)
    return manifest


def sample_files(manifest: dict[str, Any]) -> dict[str, bytes]:
    files = {
        "upo.xml": mos_package.upo_xml(
            f"UPO-{manifest['package_id']}",
            manifest["filed_at"],
            manifest["package_id"],
            manifest["mos_number"],
        )
    }
    for item in manifest.get("attachments", []):
        files[item["file"]] = PDF + item["file"].encode()
    return files


def build_sample(
    office_code: str, *, kid: str, key: bytes | None, package_id: str | None = None, **overrides: Any
) -> tuple[str, bytes]:
    """``(package_id, zip bytes)`` of a signed sample package (unsigned when ``key`` is ``None``)."""
    manifest = sample_manifest(office_code, package_id=package_id, **overrides)
    return manifest["package_id"], mos_package.build(manifest, sample_files(manifest), kid=kid, key=key)


@dataclass
class FeedState:
    """What the simulated MOS holds: packages per office, and which were acknowledged (and how)."""

    packages: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # id -> (office, zip)
    acks: dict[str, dict[str, Any]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, office_code: str, package_id: str, payload: bytes) -> None:
        with self.lock:
            self.packages[package_id] = (office_code, payload)
            self.acks.pop(package_id, None)


class Handler(BaseHTTPRequestHandler):
    state: FeedState

    def log_message(self, format: str, *args: Any) -> None:  # quiet in tests
        pass

    def _json(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        path, _sep, query = self.path.partition("?")
        if path == "/feed":
            office = dict(part.partition("=")[::2] for part in query.split("&") if part).get("office", "")
            with self.state.lock:
                listed = [
                    {"id": pid, "url": f"/packages/{pid}.zip"}
                    for pid, (code, _payload) in self.state.packages.items()
                    if code == office and pid not in self.state.acks
                ]
            return self._json(200, {"packages": listed})
        if path.startswith("/packages/") and path.endswith(".zip"):
            pid = path.removeprefix("/packages/").removesuffix(".zip")
            found = self.state.packages.get(pid)
            if found is None:
                return self._json(404, {"error": "no such package"})
            self.send_response(200)
            self.send_header("Content-Type", "application/zip")
            self.send_header("Content-Length", str(len(found[1])))
            self.end_headers()
            self.wfile.write(found[1])
            return None
        return self._json(404, {"error": "not found"})

    def do_POST(self) -> None:
        if self.path.startswith("/packages/") and self.path.endswith(".zip/ack"):
            pid = self.path.removeprefix("/packages/").removesuffix(".zip/ack")
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            if pid not in self.state.packages:
                return self._json(404, {"error": "no such package"})
            with self.state.lock:
                self.state.acks[pid] = body
            return self._json(200, {"ok": True})
        return self._json(404, {"error": "not found"})


class Simulator:
    """The simulator as a real HTTP server on loopback, in a background thread (``with`` starts it)."""

    def __init__(self, host: str = "127.0.0.1", port: int = DEFAULT_PORT) -> None:
        self.state = FeedState()
        handler = type("BoundHandler", (Handler,), {"state": self.state})
        self.server = ThreadingHTTPServer((host, port), handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> Simulator:
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def main() -> None:  # pragma: no cover - the demo's command line
    parser = argparse.ArgumentParser(description="Loopback simulator of the MOS package feed.")
    parser.add_argument("--office", required=True, help="Office code the packages are addressed to.")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--packages", type=int, default=1)
    parser.add_argument("--kid", default="mos-demo")
    parser.add_argument("--key", required=True, help="The HMAC key (the same as in LEGALISATION_MOS_KEYS).")
    args = parser.parse_args()
    simulator = Simulator(port=args.port)
    for index in range(args.packages):
        filed = (datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=index)).isoformat()
        pid, payload = build_sample(args.office, kid=args.kid, key=args.key.encode(), filed_at=filed)
        simulator.state.add(args.office, pid, payload)
    print(f"MOS simulator on {simulator.url}/feed?office={args.office} ({args.packages} packages)")
    simulator.server.serve_forever()


if __name__ == "__main__":  # pragma: no cover
    main()
