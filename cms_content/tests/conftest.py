"""Fixtures of the portal tests: a published portal (demo content) for the default office.

The portal is built once per test module inside an outer transaction; each test runs in a savepoint
(pytest-django's ``db``), so changes a test makes are rolled back and the next test sees the portal
as loaded. Building it per test would take most of the suite's time budget.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction

QUICK_PROCEDURES = ["temp_work", "cukr", "permanent", "invitation"]


@pytest.fixture(autouse=True)
def _clear_page_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="module")
def _module_portal(django_db_setup: Any, django_db_blocker: Any) -> Iterator[int]:
    from cms_content.demo.loader import load_portal
    from przystan.accounts.roles import sync_roles
    from przystan.testing.factories import make_office

    with django_db_blocker.unblock():
        with transaction.atomic():
            office = make_office(code="testowy", hostname="testserver", default=True)
            sync_roles()  # page permissions hang on the root page, which a flushed database recreates
            home = load_portal(office, procedures=QUICK_PROCEDURES)
            yield home.pk
            transaction.set_rollback(True)


@pytest.fixture
def portal(_module_portal: int, office: Any) -> Any:
    from cms_content.models import PortalHomePage

    return PortalHomePage.objects.get(pk=_module_portal)


@pytest.fixture
def fake_plugin(office: Any, enable_plugin: Any) -> Iterator[Any]:
    from przystan.testing.plugins import build_system, entry_point, use_plugin_system

    system = build_system(extra=[entry_point("cmsfake", "tests.cms.cms_fake_plugin")])
    with use_plugin_system(system):
        yield lambda enabled=True: enable_plugin(office, "cmsfake", enabled=enabled)
