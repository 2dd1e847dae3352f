"""Sending documents electronically to another authority (Border Guard, Police, ABW, a consul, a labour
office): the core's sending contract.

A caller (e.g. the case plugin sending an inquiry) calls :func:`send` with an :class:`OutgoingMessage`.
The ``outgoing_dispatch`` hook (see :mod:`przystan.pluginsys.hookspecs`) lets an enabled plugin carry
it (ePUAP, a ministry's bus); when none answers, the default :class:`LoopbackHttpAdapter` posts it over
HTTP to ``settings.PRZYSTAN_DISPATCH_URL`` — in tests and the demo the inbox simulator of
:mod:`przystan.dispatch_simulator` (``python -m przystan.dispatch_simulator``, 127.0.0.1:8723).

Protocol of the HTTP inbox (JSON both ways):

* ``POST /inbox/<recipient>/`` ``{reference, purpose, subject, body, sender, attachments: [{name,
  content_type, sha256, data (base64)}]}`` → ``201 {dispatch_id, status: "accepted"}``; a malformed
  message or an attachment whose SHA-256 does not match → ``400 {error}``;
* ``GET /dispatches/<dispatch_id>/`` → ``200 {dispatch_id, recipient, status: "delivered",
  delivered_at}`` (the delivery confirmation, UPD-like) or ``404``.
"""

from __future__ import annotations

import base64
import datetime
import hashlib
import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

DEFAULT_URL = "http://127.0.0.1:8723"


class DispatchError(Exception):
    """The message could not be handed over (the text is translated and may be shown to staff)."""


@dataclass(frozen=True)
class Attachment:
    name: str
    content_type: str
    data: bytes

    def as_json(self) -> dict[str, str]:
        return {
            "name": self.name,
            "content_type": self.content_type,
            "sha256": hashlib.sha256(self.data).hexdigest(),
            "data": base64.b64encode(self.data).decode("ascii"),
        }


@dataclass(frozen=True)
class OutgoingMessage:
    """What is sent: ``recipient`` is the authority's code (``border_guard``, ``police``, ``abw``, …)."""

    recipient: str
    reference: str
    subject: str
    body: str
    purpose: str = "letter"  # "letter" | "reminder"
    attachments: tuple[Attachment, ...] = field(default_factory=tuple)

    def as_json(self, sender: str) -> dict[str, Any]:
        return {
            "reference": self.reference,
            "purpose": self.purpose,
            "subject": self.subject,
            "body": self.body,
            "sender": sender,
            "attachments": [a.as_json() for a in self.attachments],
        }


@dataclass(frozen=True)
class DispatchResult:
    dispatch_id: str
    status: str  # "delivered" | "accepted"
    delivered_at: datetime.datetime | None
    adapter: str


class LoopbackHttpAdapter:
    """The default adapter: real HTTP to an inbox speaking the protocol above."""

    name = "loopback-http"

    def __init__(self, base_url: str | None = None, timeout: float = 10.0) -> None:
        self.base_url = (base_url or getattr(settings, "PRZYSTAN_DISPATCH_URL", "") or DEFAULT_URL).rstrip(
            "/"
        )
        self.timeout = timeout

    def _call(self, method: str, path: str, payload: dict[str, Any] | None = None) -> dict[str, Any]:
        data = json.dumps(payload).encode() if payload is not None else None
        request = urllib.request.Request(
            self.base_url + path,
            data=data,
            method=method,
            headers={"Content-Type": "application/json", "Accept": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - configured URL
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as exc:
            try:
                reason = json.loads(exc.read() or b"{}").get("error", "")
            except ValueError:
                reason = ""
            raise DispatchError(
                _("The recipient's inbox refused the message (%(status)s): %(reason)s")
                % {"status": exc.code, "reason": reason or exc.reason}
            ) from exc
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise DispatchError(_("The recipient's inbox cannot be reached; try again later.")) from exc

    def send(self, office: Any, message: OutgoingMessage) -> DispatchResult:
        accepted = self._call(
            "POST", f"/inbox/{message.recipient}/", message.as_json(sender=getattr(office, "name", ""))
        )
        dispatch_id = str(accepted.get("dispatch_id", ""))
        if not dispatch_id:
            raise DispatchError(_("The recipient's inbox gave no dispatch number."))
        confirmation = self._call("GET", f"/dispatches/{dispatch_id}/")
        delivered_at = None
        if confirmation.get("status") == "delivered" and confirmation.get("delivered_at"):
            delivered_at = datetime.datetime.fromisoformat(confirmation["delivered_at"])
        return DispatchResult(
            dispatch_id=dispatch_id,
            status="delivered" if delivered_at else str(accepted.get("status", "accepted")),
            delivered_at=delivered_at,
            adapter=self.name,
        )


def send(office: Any, message: OutgoingMessage) -> DispatchResult:
    """Hand ``message`` over: the first enabled plugin's ``outgoing_dispatch`` answer, else the loopback
    adapter. Raises :class:`DispatchError` when it cannot be handed over."""
    from przystan.offices.enablement import hooks_for_office

    answer = hooks_for_office(office).outgoing_dispatch(office=office, message=message)
    if answer is not None:
        if isinstance(answer, DispatchResult):
            return answer
        return DispatchResult(
            dispatch_id=str(answer["dispatch_id"]),
            status=str(answer.get("status", "accepted")),
            delivered_at=answer.get("delivered_at"),
            adapter=str(answer.get("adapter", "plugin")),
        )
    return LoopbackHttpAdapter().send(office, message)
