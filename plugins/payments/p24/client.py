"""Our own typed client of the Przelewy24 REST API v1 (httpx, timeouts, secrets never logged).

Credentials travel only in the Basic auth header and in ``sign`` values; nothing here logs request
bodies or headers, and ``repr()`` of the client masks the keys.
"""

from __future__ import annotations

import functools
import logging
import ssl
from dataclasses import dataclass, field
from typing import Any

import httpx

from . import signing

logger = logging.getLogger(__name__)

SANDBOX_URL = "https://sandbox.przelewy24.pl"
PRODUCTION_URL = "https://secure.przelewy24.pl"
DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0)


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """One verified TLS 1.2+ context per process (building one per client costs ~10 ms)."""
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


class P24Error(Exception):
    """A call failed: ``status`` is the HTTP status (0 = no answer), ``retryable`` whether to try later."""

    def __init__(self, message: str, *, status: int = 0, retryable: bool = False) -> None:
        super().__init__(message)
        self.status = status
        self.retryable = retryable


@dataclass(frozen=True)
class P24Credentials:
    merchant_id: int
    pos_id: int
    crc: str = field(repr=False)
    api_key: str = field(repr=False)


@dataclass(frozen=True)
class RegisterRequest:
    session_id: str
    amount: int
    description: str
    email: str
    url_return: str
    url_status: str
    language: str = "pl"
    currency: str = "PLN"
    country: str = "PL"
    client: str = ""
    time_limit: int = 0
    transfer_label: str = ""


@dataclass(frozen=True)
class Transaction:
    """``GET /transaction/by/sessionId``: status 0 no payment, 1 advance, 2 paid, 3 returned."""

    session_id: str
    status: int
    order_id: int | None
    amount: int
    currency: str
    statement: str = ""
    raw: dict[str, Any] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class RefundResult:
    order_id: int
    session_id: str
    amount: int
    status: bool
    message: str


@dataclass(frozen=True)
class RefundNotification:
    order_id: int
    session_id: str
    request_id: str
    refunds_uuid: str
    amount: int
    currency: str
    completed: bool


class Przelewy24Client:
    def __init__(
        self,
        credentials: P24Credentials,
        *,
        sandbox: bool = True,
        base_url: str | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.credentials = credentials
        self.base_url = (base_url or (SANDBOX_URL if sandbox else PRODUCTION_URL)).rstrip("/")
        self._http = httpx.Client(
            base_url=self.base_url,
            auth=httpx.BasicAuth(str(credentials.pos_id), credentials.api_key),
            timeout=timeout,
            transport=transport,
            verify=_tls_context(),
            headers={"Accept": "application/json"},
        )

    def __repr__(self) -> str:
        return f"<Przelewy24Client {self.base_url} pos={self.credentials.pos_id}>"

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Przelewy24Client:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- transport
    def _call(self, method: str, path: str, *, json: Any = None, expect: tuple[int, ...] = (200,)) -> Any:
        try:
            response = self._http.request(method, path, json=json)
        except httpx.TimeoutException as exc:
            logger.warning("P24 %s %s timed out", method, path)
            raise P24Error(f"Przelewy24 did not answer in time ({path})", retryable=True) from exc
        except httpx.HTTPError as exc:
            logger.warning("P24 %s %s failed: %s", method, path, type(exc).__name__)
            raise P24Error(f"Przelewy24 could not be reached ({path})", retryable=True) from exc
        logger.info("P24 %s %s -> %s", method, path, response.status_code)
        if response.status_code not in expect:
            try:
                detail = response.json().get("error", "")
            except ValueError:
                detail = ""
            raise P24Error(
                f"Przelewy24 answered {response.status_code} to {path}: {detail}"[:300],
                status=response.status_code,
                retryable=response.status_code >= 500 or response.status_code == 429,
            )
        try:
            return response.json()
        except ValueError as exc:
            raise P24Error(f"Przelewy24 answered with invalid JSON to {path}", retryable=True) from exc

    def redirect_url(self, token: str) -> str:
        return f"{self.base_url}/trnRequest/{token}"

    # ---------------------------------------------------------------- calls
    def test_access(self) -> bool:
        return bool(self._call("GET", "/api/v1/testAccess").get("data"))

    def register(self, request: RegisterRequest) -> str:
        """Register a transaction; returns the token for :meth:`redirect_url`."""
        c = self.credentials
        body: dict[str, Any] = {
            "merchantId": c.merchant_id,
            "posId": c.pos_id,
            "sessionId": request.session_id,
            "amount": request.amount,
            "currency": request.currency,
            "description": request.description[:1024],
            "email": request.email[:50],
            "country": request.country,
            "language": request.language,
            "urlReturn": request.url_return[:250],
            "urlStatus": request.url_status[:250],
            "timeLimit": request.time_limit,
            "encoding": "UTF-8",
        }
        if request.client:
            body["client"] = request.client[:40]
        if request.transfer_label:
            body["transferLabel"] = request.transfer_label[:20]
        body["sign"] = signing.sign(body, signing.REGISTER_FIELDS, c.crc)
        data = self._call("POST", "/api/v1/transaction/register", json=body)
        token = (data.get("data") or {}).get("token")
        if not token:
            raise P24Error("Przelewy24 registered no token")
        return str(token)

    def verify(self, *, session_id: str, order_id: int, amount: int, currency: str = "PLN") -> bool:
        """The mandatory verify call: without it the money is not settled to the merchant."""
        c = self.credentials
        body: dict[str, Any] = {
            "merchantId": c.merchant_id,
            "posId": c.pos_id,
            "sessionId": session_id,
            "amount": amount,
            "currency": currency,
            "orderId": order_id,
        }
        body["sign"] = signing.sign(body, signing.VERIFY_FIELDS, c.crc)
        data = self._call("PUT", "/api/v1/transaction/verify", json=body)
        return (data.get("data") or {}).get("status") == "success"

    def lookup(self, session_id: str) -> Transaction | None:
        try:
            data = self._call("GET", f"/api/v1/transaction/by/sessionId/{session_id}")
        except P24Error as exc:
            if exc.status == 404:
                return None
            raise
        d = data.get("data") or {}
        return Transaction(
            session_id=str(d.get("sessionId", session_id)),
            status=int(d.get("status", 0)),
            order_id=int(d["orderId"]) if d.get("orderId") else None,
            amount=int(d.get("amount", 0)),
            currency=str(d.get("currency", "PLN")),
            statement=str(d.get("statement", "")),
            raw=d,
        )

    def refund(
        self,
        *,
        request_id: str,
        refunds_uuid: str,
        order_id: int,
        session_id: str,
        amount: int,
        description: str,
        url_status: str = "",
    ) -> list[RefundResult]:
        """Ask for a refund; P24 answers **201** on success (per-item ``status`` says what happened)."""
        body: dict[str, Any] = {
            "requestId": request_id[:45],
            "refunds": [
                {
                    "orderId": order_id,
                    "sessionId": session_id,
                    "amount": amount,
                    "description": description[:35],
                }
            ],
            "refundsUuid": refunds_uuid[:35],
        }
        if url_status:
            body["urlStatus"] = url_status
        data = self._call("POST", "/api/v1/transaction/refund", json=body, expect=(201,))
        return [
            RefundResult(
                order_id=int(item.get("orderId", 0)),
                session_id=str(item.get("sessionId", "")),
                amount=int(item.get("amount", 0)),
                status=bool(item.get("status")),
                message=str(item.get("message", "")),
            )
            for item in data.get("data") or []
        ]

    # ---------------------------------------------------------------- incoming
    def notification_is_authentic(self, payload: dict[str, Any]) -> bool:
        c = self.credentials
        if payload.get("merchantId") != c.merchant_id or payload.get("posId") != c.pos_id:
            return False
        return signing.sign_matches(payload, signing.NOTIFICATION_FIELDS, c.crc)

    def parse_refund_notification(self, payload: dict[str, Any]) -> RefundNotification | None:
        """A verified refund notification, or ``None`` when its signature does not match."""
        if payload.get("merchantId") != self.credentials.merchant_id:
            return None
        if not signing.sign_matches(payload, signing.REFUND_NOTIFICATION_FIELDS, self.credentials.crc):
            return None
        return RefundNotification(
            order_id=int(payload["orderId"]),
            session_id=str(payload["sessionId"]),
            request_id=str(payload.get("requestId", "")),
            refunds_uuid=str(payload["refundsUuid"]),
            amount=int(payload["amount"]),
            currency=str(payload["currency"]),
            completed=int(payload["status"]) == 0,
        )
