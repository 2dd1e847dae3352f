"""Fixtures of the security tests: an office with every plugin the findings touch, and its records."""

from __future__ import annotations

from typing import Any

import pytest

from przystan.testing.factories import make_user


@pytest.fixture
def secured_office(office: Any, enable_plugin: Any) -> Any:
    """The default office with the register, cases and booking enabled."""
    from plugins.serce.demo import ensure_rules

    enable_plugin(office, "serce")
    ensure_rules(office)
    enable_plugin(office, "legalisation")
    enable_plugin(office, "queue_booking", config={"ip_rate": "10000/h", "identity_rate": "1000/h"})
    return office


@pytest.fixture
def resident(secured_office: Any) -> Any:
    from plugins.serce.tests.factories import make_person

    return make_person(secured_office)


@pytest.fixture
def applicant(db: Any) -> Any:
    return make_user("olena@example.com", kind="foreigner", preferred_language="uk")


@pytest.fixture
def case(secured_office: Any, applicant: Any) -> Any:
    from plugins.legalisation.tests.conftest import submitted_case

    found, _pin = submitted_case(secured_office, applicant)
    return found


@pytest.fixture
def supervisor(secured_office: Any) -> Any:
    """A staff member who sees every case and every register person of the office."""
    return make_user(
        "boss@uw.example.gov.pl", kind="staff", roles=("supervisor", "officer"), office=secured_office
    )
