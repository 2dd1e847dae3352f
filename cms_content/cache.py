"""Whole-response cache for anonymous readers of portal pages, purged for every language version on publish.

A page marks its response as cacheable (:class:`CachedPageMixin`); :class:`PageCacheMiddleware`, placed
right after WhiteNoise, stores the finished response (with the headers the inner middleware added)
under the request's host and path, and answers later requests for it before sessions, offices, page
routing or the database are touched. Each page keeps the list of response keys stored for it, so
publishing purges exactly those, for the page in every language and for its parent (which lists it).

Use a shared cache (``REDIS_URL``) when several app processes serve the portal, so a purge reaches all
of them. The local-memory default is per process: a purge made in another process (the scheduler
publishing a page at its scheduled time, a management command) cannot delete the web process's
copies. So with a process-local cache every purge also replaces a small marker file in the
installation's ``var/`` folder, whose stamp is part of every response key: each process sees the
new stamp at its next request (one ``stat()``) and answers from the database again.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.cache import BaseCache, cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest, HttpResponse

DEFAULT_TIMEOUT = 300  # seconds: fees, actions and opening hours come from live data
MARK = "_portal_cache_page_id"
SKIPPED_HEADERS = {"set-cookie", "x-page-cache"}


def timeout() -> int:
    return int(getattr(settings, "PRZYSTAN_PAGE_CACHE_SECONDS", DEFAULT_TIMEOUT))


GENERATION_KEY = "cms:generation"


def process_local() -> bool:
    """True when the cache lives in this process's memory (other processes cannot purge it)."""
    backend = cache if isinstance(cache, BaseCache) else caches["default"]
    return isinstance(backend, LocMemCache | DummyCache)


def marker_path() -> Path:
    configured = getattr(settings, "PRZYSTAN_PAGE_CACHE_MARKER", "")
    return Path(configured) if configured else Path(settings.VAR_DIR) / "page-cache.generation"


def marker_stamp() -> str:
    """The stamp of the shared purge marker (changes whenever any process purges)."""
    try:
        stat = marker_path().stat()
    except OSError:
        return "0"
    return f"{stat.st_mtime_ns:x}.{stat.st_ino:x}.{stat.st_size:x}"


def bump_marker() -> None:
    """Replace the marker file atomically (a new inode and time: every process's keys change)."""
    path = marker_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
        temporary.write_text(uuid.uuid4().hex)
        os.replace(temporary, path)
    except OSError:  # a read-only folder: only this process's copies are purged
        return


def generation() -> str:
    """The current generation of the whole cache; a new one orphans every stored response at once."""
    current = cache.get(GENERATION_KEY)
    if current is None:
        cache.add(GENERATION_KEY, "0", None)
        current = cache.get(GENERATION_KEY, "0")
    if process_local():
        return f"{current}:{marker_stamp()}"
    return str(current)


def purge_everything() -> None:
    """Data shown on portal pages changed outside the page tree (plugins, office details, fees)."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    if process_local():
        bump_marker()


def response_key(request: HttpRequest) -> str:
    """Host and path hashed: paths may hold any character, and memcached/Redis keys must not."""
    where = f"{generation()}:{request.get_host().lower()}:{request.path}".encode()
    return f"cms:response:{hashlib.sha256(where).hexdigest()}"


def index_key(page_id: int) -> str:
    return f"cms:keys:{page_id}"


def cacheable(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not getattr(request, "is_preview", False)
        and timeout() > 0
    )


def store(request: HttpRequest, response: HttpResponse, page_id: int) -> bool:
    if request.method != "GET" or response.status_code != 200 or response.cookies or response.streaming:
        return False
    key = response_key(request)
    headers = [(name, value) for name, value in response.items() if name.lower() not in SKIPPED_HEADERS]
    cache.set(key, (response.content, headers), timeout())
    keys = cache.get(index_key(page_id)) or []
    if key not in keys:
        cache.set(index_key(page_id), [*keys, key], timeout())
    return True


def cached_response(request: HttpRequest) -> HttpResponse | None:
    hit = cache.get(response_key(request))
    if hit is None:
        return None
    content, headers = hit
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return response


def purge_page_ids(page_ids: Iterable[int]) -> None:
    index_keys = [index_key(pk) for pk in page_ids]
    stored = cache.get_many(index_keys)
    keys = [key for keys in stored.values() for key in keys]
    cache.delete_many([*keys, *index_keys])
    if process_local():
        bump_marker()  # copies kept by other processes (the web server, when the scheduler publishes)


def purge_pages(pages: Iterable[Any]) -> list[int]:
    """Drop cached copies of ``pages`` in every language, and of their parents (which list them)."""
    ids: set[int] = set()
    for page in pages:
        ids.update(p.pk for p in page.get_translations(inclusive=True))
        parent = page.get_parent()
        if parent is not None and not parent.is_root():
            ids.update(p.pk for p in parent.get_translations(inclusive=True))
    purge_page_ids(ids)
    return sorted(ids)


class CachedPageMixin:
    """Mark the page's response as cacheable when the request allows it."""

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = super().serve(request, *args, **kwargs)  # type: ignore[misc]
        if cacheable(request):
            setattr(response, MARK, self.pk)  # type: ignore[attr-defined]
        return response


class PageCacheMiddleware:
    """Answer cached portal pages early; store marked page responses on their way out."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not cacheable(request):
            return self.get_response(request)
        hit = cached_response(request)
        if hit is not None:
            return hit
        response = self.get_response(request)
        page_id = getattr(response, MARK, None)
        if page_id is not None:
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            if store(request, response, page_id):
                response["X-Page-Cache"] = "miss"
        return response
