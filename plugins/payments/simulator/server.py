"""A faithful loopback simulator of the Przelewy24 REST API v1 (the parts Przystań uses).

It checks Basic auth (posId / API key) and every ``sign`` exactly as P24 does, serves a fake payment
page with "pay" and "cancel", sends signed notifications to ``urlStatus`` (optionally duplicated,
delayed or with a wrong signature first), answers verify, lookup and refunds (201) and sends signed
refund notifications. Our production client talks to it over real HTTP.

    sim = P24Simulator().start()           # 127.0.0.1, ephemeral port
    sim.add_merchant(Merchant(11111, 11111, crc="...", api_key="..."))
    ... sim.base_url ...
    sim.stop()

Run it for the demo with ``python -m plugins.payments.simulator --port 8099``.
"""

from __future__ import annotations

import base64
import hmac
import html
import itertools
import json
import logging
import threading
import time
import uuid
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlparse

import httpx

from plugins.payments.p24 import signing

logger = logging.getLogger(__name__)

PAGE_TEXT = {
    "pl": ("Przelewy24 — symulator płatności", "Do zapłaty", "Zapłać", "Anuluj", "Odbiorca"),
    "en": ("Przelewy24 — payment simulator", "Amount to pay", "Pay", "Cancel", "Payee"),
}


@dataclass(frozen=True)
class Merchant:
    merchant_id: int
    pos_id: int
    crc: str = field(repr=False)
    api_key: str = field(repr=False)


#: the merchant the demo configures (``python -m plugins.payments.simulator`` accepts it)
DEMO_MERCHANT = Merchant(merchant_id=100001, pos_id=100001, crc="demo-crc-key", api_key="demo-api-key")


@dataclass(frozen=True)
class Behaviour:
    """How the simulator notifies after a payment."""

    notify: bool = True  # False: the payer returns, no notification arrives (reconciliation needed)
    duplicates: int = 0  # extra copies of the notification
    delay: float = 0.0  # seconds before notifying (in a background thread); 0 = before the redirect
    wrong_signature_first: bool = False  # first send a notification with a tampered sign
    amount_delta: int = 0  # notify a different amount than registered (a forged/mangled notification)


@dataclass
class Transaction:
    token: str
    merchant: Merchant
    body: dict[str, Any]
    status: int = 0  # 0 no payment, 1 advance, 2 paid (verified), 3 returned
    order_id: int = 0
    refunded: int = 0
    verify_calls: int = 0


class P24Simulator:
    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host, self.port = host, port
        self.merchants: dict[int, Merchant] = {}
        self.by_token: dict[str, Transaction] = {}
        self.by_session: dict[str, Transaction] = {}
        self.refund_requests: set[str] = set()
        self.behaviour = Behaviour()
        self.calls: list[tuple[str, str, int]] = []  # (method, path, status)
        self.sent_notifications: list[tuple[str, int]] = []  # (session_id, our answer status)
        self.lock = threading.Lock()
        self._order_ids = itertools.count(int(time.time()) % 100000 * 1000 + 1)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._http = httpx.Client(timeout=30)

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> P24Simulator:
        simulator = self

        class Handler(_Handler):
            sim = simulator

        self._server = ThreadingHTTPServer((self.host, self.port), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, name="p24-simulator", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        self._http.close()

    def __enter__(self) -> P24Simulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def add_merchant(self, merchant: Merchant) -> Merchant:
        self.merchants[merchant.pos_id] = merchant
        return merchant

    def verify_calls(self, session_id: str) -> int:
        transaction = self.by_session.get(session_id)
        return transaction.verify_calls if transaction else 0

    # ------------------------------------------------------------------ payer actions (also for tests)
    def pay(self, session_id: str, behaviour: Behaviour | None = None) -> None:
        """The payer pays: the transaction becomes an advance payment and notifications go out."""
        transaction = self.by_session[session_id]
        self._pay(transaction, behaviour or self.behaviour)

    def _pay(self, transaction: Transaction, behaviour: Behaviour) -> None:
        with self.lock:
            if transaction.status == 0:
                transaction.status = 1
                transaction.order_id = next(self._order_ids)
        if not behaviour.notify:
            return
        if behaviour.delay:
            timer = threading.Timer(behaviour.delay, self._notify_all, args=(transaction, behaviour))
            timer.daemon = True
            timer.start()
        else:
            self._notify_all(transaction, behaviour)

    def notification_for(self, transaction: Transaction, amount_delta: int = 0) -> dict[str, Any]:
        body = transaction.body
        payload = {
            "merchantId": transaction.merchant.merchant_id,
            "posId": transaction.merchant.pos_id,
            "sessionId": body["sessionId"],
            "amount": body["amount"] + amount_delta,
            "originAmount": body["amount"] + amount_delta,
            "currency": body["currency"],
            "orderId": transaction.order_id,
            "methodId": 25,
            "statement": f"Płatność {transaction.order_id} — Przelewy24",
        }
        payload["sign"] = signing.sign(payload, signing.NOTIFICATION_FIELDS, transaction.merchant.crc)
        return payload

    def _notify_all(self, transaction: Transaction, behaviour: Behaviour) -> None:
        if behaviour.wrong_signature_first:
            tampered = self.notification_for(transaction, behaviour.amount_delta)
            tampered["sign"] = tampered["sign"][:-4] + ("0000" if tampered["sign"][-4:] != "0000" else "1111")
            self.send_notification(transaction, tampered)
        payload = self.notification_for(transaction, behaviour.amount_delta)
        for _copy in range(1 + behaviour.duplicates):
            self.send_notification(transaction, payload)

    def send_notification(self, transaction: Transaction, payload: dict[str, Any]) -> int:
        url = transaction.body.get("urlStatus")
        if not url:
            return 0
        try:
            status = self._http.post(url, json=payload).status_code
        except httpx.HTTPError as exc:
            logger.warning("simulator: notification to %s failed: %s", url, exc)
            status = 0
        with self.lock:
            self.sent_notifications.append((transaction.body["sessionId"], status))
        return status

    # ------------------------------------------------------------------ protocol
    def authenticate(self, header: str | None) -> Merchant | None:
        if not header or not header.startswith("Basic "):
            return None
        try:
            user, _sep, password = base64.b64decode(header[6:]).decode().partition(":")
            merchant = self.merchants.get(int(user))
        except (ValueError, UnicodeDecodeError):
            return None
        if merchant and hmac.compare_digest(password.encode(), merchant.api_key.encode()):
            return merchant
        return None

    def register(self, merchant: Merchant, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        required = (
            "merchantId posId sessionId amount currency description email country language urlReturn sign"
        ).split()
        if any(body.get(name) in (None, "") for name in required):
            return 400, {"error": "Invalid input data", "code": 400}
        if body["merchantId"] != merchant.merchant_id or body["posId"] != merchant.pos_id:
            return 400, {"error": "Invalid input data", "code": 400}
        if not isinstance(body["amount"], int) or body["amount"] <= 0 or len(body["sessionId"]) > 100:
            return 400, {"error": "Invalid input data", "code": 400}
        if body["language"] not in ("bg cs de en es fr hr hu it nl pl pt se sk ro".split()):
            return 400, {"error": "Invalid input data", "code": 400}
        if not signing.sign_matches(body, signing.REGISTER_FIELDS, merchant.crc):
            return 400, {"error": "Incorrect sign", "code": 400}
        with self.lock:
            if body["sessionId"] in self.by_session:
                return 400, {"error": "Transaction already exists", "code": 400}
            token = uuid.uuid4().hex.upper()
            transaction = Transaction(token=token, merchant=merchant, body=dict(body))
            self.by_token[token] = transaction
            self.by_session[body["sessionId"]] = transaction
        return 200, {"data": {"token": token}, "responseCode": 0}

    def verify(self, merchant: Merchant, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        transaction = self.by_session.get(str(body.get("sessionId")))
        if transaction is None or transaction.merchant is not merchant:
            return 400, {"error": "Transaction not found", "code": 400}
        if body.get("merchantId") != merchant.merchant_id or body.get("posId") != merchant.pos_id:
            return 400, {"error": "Invalid input data", "code": 400}
        if not signing.sign_matches(body, signing.VERIFY_FIELDS, merchant.crc):
            return 400, {"error": "Incorrect sign", "code": 400}
        with self.lock:
            transaction.verify_calls += 1
            if (
                transaction.status not in (1, 2)
                or body.get("orderId") != transaction.order_id
                or body.get("amount") != transaction.body["amount"]
                or body.get("currency") != transaction.body["currency"]
            ):
                return 400, {"error": "Transaction verification error", "code": 400}
            transaction.status = 2
        return 200, {"data": {"status": "success"}, "responseCode": 0}

    def lookup(self, merchant: Merchant, session_id: str) -> tuple[int, dict[str, Any]]:
        transaction = self.by_session.get(session_id)
        if transaction is None or transaction.merchant is not merchant:
            return 404, {"error": "Transaction not exists", "code": 404}
        body = transaction.body
        return 200, {
            "data": {
                "statement": f"Płatność {transaction.order_id} — Przelewy24" if transaction.order_id else "",
                "orderId": transaction.order_id or None,
                "sessionId": session_id,
                "status": transaction.status,
                "amount": body["amount"],
                "currency": body["currency"],
                "clientEmail": body["email"],
            },
            "responseCode": 0,
        }

    def refund(self, merchant: Merchant, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        request_id, refunds = body.get("requestId"), body.get("refunds")
        if not request_id or not body.get("refundsUuid") or not isinstance(refunds, list) or not refunds:
            return 400, {"error": "Invalid input data", "code": 400}
        with self.lock:
            if request_id in self.refund_requests:
                return 400, {"error": "Request already exists", "code": 400}
            self.refund_requests.add(request_id)
            results, failed = [], False
            for item in refunds:
                transaction = self.by_session.get(str(item.get("sessionId")))
                ok = (
                    transaction is not None
                    and transaction.merchant is merchant
                    and transaction.order_id == item.get("orderId")
                    and transaction.status == 2
                    and 0 < int(item.get("amount", 0)) <= transaction.body["amount"] - transaction.refunded
                )
                message = "success" if ok else "Insufficient funds available"
                if ok:
                    transaction.refunded += int(item["amount"])
                    if transaction.refunded == transaction.body["amount"]:
                        transaction.status = 3
                failed = failed or not ok
                results.append({**item, "status": ok, "message": message})
        if failed:
            return 409, {"error": results, "code": 409}
        url = body.get("urlStatus")
        if url:
            for item in refunds:
                transaction = self.by_session[str(item["sessionId"])]
                payload = {
                    "orderId": item["orderId"],
                    "sessionId": item["sessionId"],
                    "merchantId": merchant.merchant_id,
                    "requestId": request_id,
                    "refundsUuid": body["refundsUuid"],
                    "amount": item["amount"],
                    "currency": transaction.body["currency"],
                    "timestamp": int(time.time()),
                    "status": 0,
                }
                payload["sign"] = signing.sign(payload, signing.REFUND_NOTIFICATION_FIELDS, merchant.crc)
                threading.Thread(target=self._post_later, args=(url, payload), daemon=True).start()
        return 201, {"data": results, "responseCode": 0}

    def _post_later(self, url: str, payload: dict[str, Any]) -> None:
        time.sleep(0.05)
        try:
            self._http.post(url, json=payload)
        except httpx.HTTPError as exc:
            logger.warning("simulator: refund notification failed: %s", exc)

    def payment_page(self, transaction: Transaction) -> str:
        body = transaction.body
        lang = body["language"] if body["language"] in PAGE_TEXT else "en"
        title, amount_label, pay, cancel, payee = PAGE_TEXT[lang]
        amount = f"{body['amount'] // 100},{body['amount'] % 100:02d} {body['currency']}"
        token = html.escape(transaction.token)
        return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{title}</title>
<style>body{{font-family:sans-serif;margin:2rem;color:#111}}button{{font-size:1.1rem;margin:.5rem;padding:.6rem 1.2rem}}
.pay{{background:#0b5;color:#000}}.cancel{{background:#eee;color:#000}}</style></head>
<body><main><h1>{title}</h1>
<p>{payee}: {html.escape(str(body.get("description", "")))}</p>
<p>{amount_label}: <strong data-testid="amount">{amount}</strong></p>
<form method="post" action="/trnRequest/{token}/pay"><button class="pay" type="submit">{pay}</button></form>
<form method="post" action="/trnRequest/{token}/cancel"><button class="cancel" type="submit">{cancel}</button></form>
</main></body></html>"""


class _Handler(BaseHTTPRequestHandler):
    sim: P24Simulator
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle's algorithm the body waits for the client's
    # delayed ACK of the headers (~40 ms per answer on Linux), which P24's servers do not do.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        logger.debug("simulator: " + format, *args)

    def _body(self) -> dict[str, Any] | None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            data = json.loads(raw or b"{}")
        except ValueError:
            return None
        return data if isinstance(data, dict) else None

    def _send(
        self, status: int, payload: Any = None, *, html_text: str | None = None, location: str = ""
    ) -> None:
        if html_text is not None:
            data, ctype = html_text.encode(), "text/html; charset=utf-8"
        else:
            data, ctype = json.dumps(payload, ensure_ascii=False).encode(), "application/json"
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        with self.sim.lock:
            self.sim.calls.append((self.command, urlparse(self.path).path, status))

    def _merchant(self) -> Merchant | None:
        merchant = self.sim.authenticate(self.headers.get("Authorization"))
        if merchant is None:
            self._send(401, {"error": "Incorrect authentication", "code": 401})
        return merchant

    def do_GET(self) -> None:  # noqa: N802
        path = urlparse(self.path).path
        if path.startswith("/trnRequest/"):
            transaction = self.sim.by_token.get(path.split("/")[2])
            if transaction is None:
                self._send(
                    404, html_text="<!DOCTYPE html><html lang='en'><title>404</title><p>Unknown</p></html>"
                )
            else:
                self._send(200, html_text=self.sim.payment_page(transaction))
            return
        merchant = self._merchant()
        if merchant is None:
            return
        if path == "/api/v1/testAccess":
            self._send(200, {"data": True, "error": ""})
        elif path.startswith("/api/v1/transaction/by/sessionId/"):
            self._send(*self.sim.lookup(merchant, path.rsplit("/", 1)[1]))
        else:
            self._send(404, {"error": "Not found", "code": 404})

    def do_POST(self) -> None:  # noqa: N802
        path = urlparse(self.path).path
        if path.startswith("/trnRequest/"):
            parts = path.split("/")
            transaction = self.sim.by_token.get(parts[2]) if len(parts) > 3 else None
            if transaction is None:
                self._send(404, {"error": "Unknown transaction"})
                return
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            if parts[3] == "pay":
                self.sim._pay(transaction, self.sim.behaviour)
            self._send(303, {}, location=transaction.body["urlReturn"])
            return
        merchant = self._merchant()
        if merchant is None:
            return
        body = self._body()
        if body is None:
            self._send(400, {"error": "Invalid input data", "code": 400})
        elif path == "/api/v1/transaction/register":
            self._send(*self.sim.register(merchant, body))
        elif path == "/api/v1/transaction/refund":
            self._send(*self.sim.refund(merchant, body))
        else:
            self._send(404, {"error": "Not found", "code": 404})

    def do_PUT(self) -> None:  # noqa: N802
        path = urlparse(self.path).path
        merchant = self._merchant()
        if merchant is None:
            return
        body = self._body()
        if body is None:
            self._send(400, {"error": "Invalid input data", "code": 400})
        elif path == "/api/v1/transaction/verify":
            self._send(*self.sim.verify(merchant, body))
        else:
            self._send(404, {"error": "Not found", "code": 404})


__all__ = ["DEMO_MERCHANT", "Behaviour", "Merchant", "P24Simulator", "replace"]
