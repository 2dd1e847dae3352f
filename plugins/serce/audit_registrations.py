"""Models of the register whose every change is audited (before/after); medical ones also on read."""

from __future__ import annotations


def register_models() -> None:
    from przystan.audit.api import is_registered, register, register_value_display

    from . import models as m
    from .nationalities import nationality_name

    # a resident's identity: who opened it is recorded too (pages and API)
    if not is_registered(m.Person):
        register(m.Person, sensitive=True, exclude=("search_key", "updated_at", "pobyt_snapshot"))
    person_data = (
        m.Household,
        m.IdentityDocument,
        m.Stay,
        m.Address,
        m.Benefit,
        m.SchoolEnrolment,
        m.SchoolSupply,
        m.FoodArrangement,
        m.PaymentEntry,
    )
    for model in person_data:
        if not is_registered(model):
            register(model, exclude=("search_key", "updated_at", "pobyt_snapshot"))
    for model in (m.MedicalFilter, m.SpecialNeed):
        if not is_registered(model):
            register(model, sensitive=True)
    for model in (m.Centre, m.BenefitRule, m.PaymentList):
        if not is_registered(model):
            register(model)
    # codes recorded in the history, shown as words
    register_value_display(m.Person, "nationality", nationality_name)
    register_value_display(m.Stay, "source", stay_source)


def stay_source(code: str) -> str:
    """Which module recorded a stay, in words (the code is a plugin's slug)."""
    from django.utils.translation import gettext

    names = {"serce": gettext("the register (SERCE)"), "hotel": gettext("the hotel base")}
    return names.get(code, code)
