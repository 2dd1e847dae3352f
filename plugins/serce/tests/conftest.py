from __future__ import annotations

import pytest

from plugins.serce.demo import ensure_rules

from .factories import make_centre


@pytest.fixture
def serce_office(office, enable_plugin):
    enable_plugin(office, "serce")
    ensure_rules(office)
    return office


@pytest.fixture
def centres(serce_office):
    return make_centre(serce_office, "grupa"), make_centre(serce_office, "linin")


@pytest.fixture
def staff(user_factory, serce_office):
    def make(email: str, *roles: str):
        return user_factory(email, kind="staff", roles=roles, office=serce_office)

    return make
