"""Pytest fixtures shared by the core and plugin test suites."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from przystan.testing.factories import make_office, make_user


@contextlib.contextmanager
def keeping_test_connection_open() -> Iterator[None]:
    """Let a real WSGI handler serve requests inside a test without closing the test's database
    connection at the end of each (Django's test client disconnects the same receivers)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def no_language_left_active() -> Any:
    """A request activates its language for the thread and nothing switches it back (a server's next
    request activates its own): without this a test would see the language of the previous test."""
    yield
    from django.utils import translation

    translation.deactivate()


@pytest.fixture
def office(db: Any) -> Any:
    """The default office (its Site answers for 'testserver' and any unknown host)."""
    return make_office(code="testowy", hostname="testserver", default=True)


@pytest.fixture
def other_office(db: Any) -> Any:
    return make_office(code="drugi", hostname="drugi.testserver", default=False)


@pytest.fixture
def enable_plugin() -> Callable[..., Any]:
    from przystan.offices.enablement import set_enabled

    def enable(office: Any, slug: str, config: dict[str, Any] | None = None, enabled: bool = True) -> Any:
        return set_enabled(office, slug, enabled=enabled, config=config)

    return enable


@pytest.fixture
def user_factory(db: Any) -> Callable[..., Any]:
    return make_user


@pytest.fixture
def staff_login() -> Callable[..., Any]:
    """Log ``user`` into ``client`` with a verified TOTP device (MFA satisfied)."""
    from przystan.testing.auth import login_with_mfa

    return login_with_mfa


from przystan.testing.browser import browser, page  # noqa: E402,F401  (fixtures)
