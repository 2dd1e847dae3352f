"""Answering a repeated GET of a stateless API route from the process's memory, before Django.

At a slot release the same availability question arrives hundreds of times a second, and the
answer is already kept in memory by its plugin; building a request and running the middleware and
the REST framework around it cost twice what the gunicorn worker itself does. A view of a stateless
route (``ApiRoute(..., stateless=True)``) may mark a 200 answer with :func:`replay_while`: the
handler then keeps it as sent (status line, headers, body) and answers the next GETs with the same
scheme, host, path, query and ``Accept-Language`` from it, without running Django, for as long as the
view's ``still_valid()`` says so (the plugin's own memory decides: the availability answer is
replayed while it is the one kept, so a booking in this process ends the replay at once).

Only requests without a ``Cookie`` header are answered so (the language cookie could change the
answer's language headers; browsers on the public forms do not use these routes anyway). Each replay
gets its own ``X-Request-ID``. The plugin-enabled and office checks are the view's: a replay lasts at
most as long as the view's memory of its answer (seconds), as the office cache already does.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpResponse

from przystan.audit.middleware import request_id_from_meta

ATTRIBUTE = "przystan_replay_while"
MAX_ANSWERS = 1_000  # kept answers per process (an office has a handful of services)


def replay_while(response: HttpResponse, still_valid: Callable[[], bool]) -> HttpResponse:
    """Let the stateless handler replay ``response`` (a 200, no cookies) while ``still_valid()``."""
    setattr(response, ATTRIBUTE, still_valid)
    return response


@dataclass(frozen=True)
class _Kept:
    status: str
    headers: list[tuple[str, str]]  # without X-Request-ID
    body: bytes
    still_valid: Callable[[], bool]


class ReplayStore:
    """The answers a process may replay, keyed by what the request that got them asked."""

    def __init__(self, max_answers: int = MAX_ANSWERS) -> None:
        self.max_answers = max_answers
        self._kept: dict[tuple[str, ...], _Kept] = {}
        self._lock = threading.Lock()
        proxy_ssl = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        self._proxy_ssl_header = proxy_ssl[0] if proxy_ssl else ""

    def _key(self, environ: dict[str, Any]) -> tuple[str, ...] | None:
        if environ.get("REQUEST_METHOD") != "GET" or environ.get("HTTP_COOKIE"):
            return None
        return (
            environ.get("wsgi.url_scheme", ""),
            environ.get(self._proxy_ssl_header, "") if self._proxy_ssl_header else "",
            environ.get("HTTP_HOST") or environ.get("SERVER_NAME", ""),
            environ.get("HTTP_X_FORWARDED_HOST", ""),  # the host Django answers for if told to trust it
            environ.get("SERVER_PORT", ""),
            environ.get("SCRIPT_NAME", ""),
            environ.get("PATH_INFO", ""),
            environ.get("QUERY_STRING", ""),
            environ.get("HTTP_ACCEPT_LANGUAGE", ""),
        )

    def answer(self, environ: dict[str, Any]) -> tuple[str, list[tuple[str, str]], bytes] | None:
        """The status, headers and body to send for ``environ``, or ``None`` (ask Django)."""
        key = self._key(environ)
        if key is None:
            return None
        kept = self._kept.get(key)
        if kept is None:
            return None
        if not kept.still_valid():
            with self._lock:
                if self._kept.get(key) is kept:
                    del self._kept[key]
            return None
        return kept.status, [*kept.headers, ("X-Request-ID", request_id_from_meta(environ))], kept.body

    def keep(self, environ: dict[str, Any], response: HttpResponse) -> None:
        """Keep ``response`` if its view marked it (see :func:`replay_while`) and it can be replayed."""
        still_valid = getattr(response, ATTRIBUTE, None)
        if still_valid is None or response.status_code != 200 or response.streaming or response.cookies:
            return
        key = self._key(environ)
        if key is None:
            return
        headers = [(name, value) for name, value in response.items() if name.lower() != "x-request-id"]
        kept = _Kept(
            f"{response.status_code} {response.reason_phrase}", headers, response.content, still_valid
        )
        with self._lock:
            if len(self._kept) >= self.max_answers:
                self._kept.clear()
            self._kept[key] = kept

    def clear(self) -> None:
        with self._lock:
            self._kept.clear()
