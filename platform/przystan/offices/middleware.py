"""Resolve the office from the request host (one Wagtail Site per office) into ``request.office``.

With ``PRZYSTAN_OFFICE_CACHE_SECONDS > 0`` (production: 5 s) each process remembers, per host and
port, the site, the office and its enabled plugins for that long, so an ordinary request costs no
query before its view (the lookup is otherwise three: site, office, enablement). Every request gets
its own copies of the remembered instances. Saving or deleting a site, an office or a plugin
enablement clears the memory of the process that saved it and stamps a new version in the shared
cache: with ``REDIS_URL`` every other process sees the change on its next request (one cache read);
with the per-process default cache, within the lifetime.
"""

from __future__ import annotations

import copy
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail.models import Site

_remembered: dict[tuple[str, int | str], tuple[float, str, Any, Any]] = {}
_lock = threading.Lock()
VERSION_KEY = "przystan:offices:version"


def _shared_version() -> str:
    return str(cache.get(VERSION_KEY, "0"))


class OfficeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.office = office_for_request(request)  # type: ignore[attr-defined]
        return self.get_response(request)


def cache_seconds() -> float:
    return float(getattr(settings, "PRZYSTAN_OFFICE_CACHE_SECONDS", 0) or 0)


def office_for_request(request: HttpRequest):  # noqa: ANN201 - returns Office | None
    lifetime = cache_seconds()
    if lifetime <= 0 or hasattr(request, "_wagtail_site"):
        return _lookup(request)
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    now = time.monotonic()
    version = _shared_version()
    hit = _remembered.get(key)
    if hit is None or hit[0] <= now or hit[1] != version:
        site = Site.find_for_request(request)
        office = _lookup(request)
        if office is not None:
            from .enablement import enabled_plugins

            enabled_plugins(office)  # memoised on the instance, so the copies carry it
        with _lock:
            _remembered[key] = hit = (now + lifetime, version, site, office)
    _expires, _version, site, office = hit
    request._wagtail_site = copy.copy(site)  # type: ignore[attr-defined]
    return copy.copy(office)


def _lookup(request: HttpRequest):  # noqa: ANN202
    from .models import Office

    site = Site.find_for_request(request)
    if site is None:
        return None
    return Office.objects.filter(site_id=site.pk).select_related("site").first()


def forget_offices(**_kwargs: Any) -> None:
    """Drop remembered sites and offices: here at once, in other processes through the shared version."""
    with _lock:
        _remembered.clear()
    if cache_seconds() > 0:
        cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def connect_signals() -> None:
    from .models import Office, PluginEnablement

    for model in (Site, Office, PluginEnablement):
        for signal in (post_save, post_delete):
            signal.connect(
                forget_offices, sender=model, dispatch_uid=f"przystan-offices-forget-{model.__name__}"
            )
