"""Offices remembered per process: a change made elsewhere is seen through the shared version stamp."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from przystan.offices import middleware
from przystan.offices.enablement import enabled_plugins

pytestmark = pytest.mark.django_db


@pytest.fixture
def remembering(settings):
    settings.PRZYSTAN_OFFICE_CACHE_SECONDS = 60
    cache.clear()
    middleware.forget_offices()
    yield
    middleware.forget_offices()


def resolve(host: str = "testserver"):
    return middleware.office_for_request(RequestFactory().get("/", HTTP_HOST=host))


def test_a_remembered_office_costs_no_query(remembering, office):
    assert resolve().pk == office.pk
    with CaptureQueriesContext(connection) as queries:
        again = resolve()
    assert again.pk == office.pk and len(queries) == 0
    assert again is not resolve()  # every request gets its own copy


def test_another_process_changing_enablement_is_seen_on_the_next_request(remembering, office):
    assert "serce" not in enabled_plugins(resolve())
    from przystan.offices.models import PluginEnablement

    # another process enables the plugin: its rows change and it stamps a new shared version;
    # this process's own memory is untouched (no signal reaches it)
    PluginEnablement.objects.bulk_create([PluginEnablement(office=office, plugin="serce", enabled=True)])
    assert "serce" not in enabled_plugins(resolve())  # still remembered here ...
    cache.set(middleware.VERSION_KEY, "stamped-by-another-process", None)
    assert "serce" in enabled_plugins(resolve())  # ... until the shared version moves
