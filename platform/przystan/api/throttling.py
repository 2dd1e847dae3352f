"""DRF throttles keyed on the client address of the one client-IP policy (``przystan.web.client_ip``).

DRF's own ``get_ident`` believes a client-sent ``X-Forwarded-For`` unless ``NUM_PROXIES`` is set, so
a client could take a fresh bucket with every request. Every throttle of Przystań and its plugins
subclasses one of these (a test walks all throttle classes to make sure).
"""

from __future__ import annotations

from typing import Any

from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle

from przystan.web.client_ip import client_ip_or_unknown


class ClientIPThrottleMixin:
    """``get_ident`` from the platform's client-IP policy instead of DRF's header parsing."""

    def get_ident(self, request: Any) -> str:
        return client_ip_or_unknown(getattr(request, "_request", request))


class ClientIPRateThrottle(ClientIPThrottleMixin, SimpleRateThrottle):
    """Base for a scoped per-address throttle (set ``scope`` and ``rate`` or ``get_rate``)."""

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class ClientIPAnonRateThrottle(ClientIPThrottleMixin, AnonRateThrottle):
    """DRF's anonymous throttle (``anon`` rate), keyed on the policy's client address."""


class ClientIPUserRateThrottle(ClientIPThrottleMixin, UserRateThrottle):
    """DRF's user throttle (``user`` rate); anonymous requests keyed on the policy's client address."""
