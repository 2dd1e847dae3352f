from __future__ import annotations

import pytest

from plugins.serce.demo import ensure_rules

from .factories import make_centre


def confirm_rules(office) -> None:
    """As if the office had checked and confirmed every default rule (tests of the computation)."""
    from django.utils import timezone

    from plugins.serce.models import BenefitRule

    BenefitRule.objects.filter(office=office).update(to_confirm=False, confirmed_at=timezone.now())


@pytest.fixture
def serce_office(office, enable_plugin):
    """The office with the default benefit rules, confirmed (see ``unconfirmed_office`` for the rules
    as installed: to be confirmed by the office)."""
    enable_plugin(office, "serce")
    ensure_rules(office)
    confirm_rules(office)
    return office


@pytest.fixture
def unconfirmed_office(serce_office):
    """The office with the default benefit rules as installed: every one to be confirmed by the office."""
    from plugins.serce.models import BenefitRule

    BenefitRule.objects.filter(office=serce_office).update(
        to_confirm=True, confirmed_at=None, confirmed_by=None
    )
    return serce_office


@pytest.fixture
def centres(serce_office):
    return make_centre(serce_office, "grupa"), make_centre(serce_office, "linin")


@pytest.fixture
def staff(user_factory, serce_office):
    def make(email: str, *roles: str):
        return user_factory(email, kind="staff", roles=roles, office=serce_office)

    return make
