"""The per-case audit history over real HTTP (a live server): an HTML page, not its source as text."""

from __future__ import annotations

import urllib.request

import pytest
from django.test import Client
from django.urls import reverse

from przystan.testing.auth import login_with_mfa
from przystan.testing.factories import make_user

from .conftest import submitted_case

pytestmark = pytest.mark.django_db(transaction=True)


def test_case_audit_history_is_html_over_http(live_server, enable_plugin):
    from przystan.testing.factories import make_office

    office = make_office(code="testowy", hostname="localhost", default=True)
    enable_plugin(office, "legalisation")
    person = make_user("olena@example.com", kind="foreigner")
    supervisor = make_user("boss@uw.example.gov.pl", kind="staff", roles=("supervisor",), office=office)
    case, _pin = submitted_case(office, person)
    client = Client()
    login_with_mfa(client, supervisor)
    url = live_server.url + reverse("audit:history", args=["legalisation.case", case.pk])
    request = urllib.request.Request(
        url, headers={"Cookie": f"sessionid={client.cookies['sessionid'].value}"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - the test's own server
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/html")
        assert case.number in response.read().decode()
