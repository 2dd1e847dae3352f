"""The register's part of the access policy: its resources (with the ``centre`` scope) and grants.

The ``centre`` scope is "the persons currently staying in the centres the user works in (per-object
``serce.work_in_centre``), and their records"; for centres and payment lists, "those centres".
The legalisation case officer and the editor hold nothing here.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from przystan.access import Action, Grant, Resource, Scope, ScopeRule

from . import access as serce_access

V, E, A, X, S, M = (
    Action.VIEW,
    Action.EDIT,
    Action.APPROVE,
    Action.EXPORT,
    Action.READ_SENSITIVE,
    Action.MANAGE,
)
MARK_PAID = "mark_paid"


def _persons_rule() -> ScopeRule:
    return ScopeRule(
        narrow=lambda user, qs: qs.filter(pk__in=serce_access.resident_ids(user)),
        check=lambda user, obj: serce_access.is_resident_of_users_centre(user, obj.pk),
    )


def _person_records_rule() -> ScopeRule:
    """Records of a person (``person`` foreign key): the person is a resident of the user's centres."""
    return ScopeRule(
        narrow=lambda user, qs: qs.filter(person_id__in=serce_access.resident_ids(user)),
        check=lambda user, obj: serce_access.is_resident_of_users_centre(user, obj.person_id),
    )


def _centres_rule(field: str) -> ScopeRule:
    def narrow(user: Any, qs: Any) -> Any:
        return qs.filter(**{f"{field}__in": serce_access.work_centres(user).values("pk")})

    def check(user: Any, obj: Any) -> bool:
        value = getattr(obj, f"{field}_id" if field != "pk" else "pk")
        return value is not None and serce_access.work_centres(user).filter(pk=value).exists()

    return ScopeRule(narrow=narrow, check=check)


def _notices_rule() -> ScopeRule:
    """Notice batches sent to one of the user's centres, or sent by the user."""

    def narrow(user: Any, qs: Any) -> Any:
        codes = list(serce_access.work_centres(user).values_list("code", flat=True))
        return qs.filter(Q(audience__centre__in=codes) | Q(created_by=user))

    def check(user: Any, obj: Any) -> bool:
        if obj.created_by_id == user.pk:
            return True
        code = (obj.audience or {}).get("centre")
        return bool(code) and serce_access.work_centres(user).filter(code=code).exists()

    return ScopeRule(narrow=narrow, check=check)


def _all_rule() -> ScopeRule:
    """Reports are not records: their rows are narrowed by the persons the user may see."""
    return ScopeRule(narrow=lambda user, qs: qs, check=lambda user, obj: True)


def resources() -> list[Resource]:
    person_records = {Scope.CENTRE: _person_records_rule()}
    return [
        Resource(
            "serce.person",
            label=_("SERCE: persons (personal data)"),
            actions=(V, E, X, S),
            model="serce.Person",
            scopes={Scope.CENTRE: _persons_rule()},
            sensitive=True,
            description=_(
                "Personal data of foreigners in reception centres; read_sensitive shows contact "
                "details and identity documents. Every read is audited."
            ),
        ),
        Resource(
            "serce.stay",
            label=_("SERCE: stays in centres"),
            model="serce.Stay",
            office_field="person__office",
            scopes=person_records,
        ),
        Resource(
            "serce.address",
            label=_("SERCE: addresses outside centres"),
            model="serce.Address",
            office_field="person__office",
            scopes=person_records,
        ),
        Resource(
            "serce.benefit",
            label=_("SERCE: social benefits"),
            actions=(V, E, A),
            model="serce.Benefit",
            office_field="person__office",
            scopes=person_records,
            description=_("Benefits granted to persons; an adjustment is approved by a second person."),
        ),
        Resource(
            "serce.education",
            label=_("SERCE: education"),
            model="serce.SchoolEnrolment",
            office_field="person__office",
            scopes=person_records,
        ),
        Resource(
            "serce.food",
            label=_("SERCE: food and diets"),
            model="serce.FoodArrangement",
            office_field="person__office",
            scopes=person_records,
        ),
        Resource(
            "serce.medical",
            label=_("SERCE: medical filter and special needs"),
            actions=(V, E, S),
            model="serce.MedicalFilter",
            office_field="person__office",
            scopes=person_records,
            sensitive=True,
            description=_("Special-category (health) data; every read is audited."),
        ),
        Resource(
            "serce.centre",
            label=_("SERCE: reception centres"),
            actions=(V, M),
            model="serce.Centre",
            scopes={Scope.CENTRE: _centres_rule("pk")},
            description=_("The office's centres and who works in them."),
        ),
        Resource(
            "serce.benefit_rule",
            label=_("SERCE: benefit rules (amounts)"),
            actions=(V, M, A),
            model="serce.BenefitRule",
            description=_(
                "The amounts of benefits per kind and family size, dated, with their source; approve means "
                "confirming a rule for the office."
            ),
        ),
        Resource(
            "serce.payment_list",
            label=_("SERCE: monthly payment lists"),
            actions=(V, E, A, X, MARK_PAID),
            model="serce.PaymentList",
            scopes={Scope.CENTRE: _centres_rule("centre")},
            description=_("Prepared by one person, approved by another; finance marks them paid."),
        ),
        Resource(
            "serce.notice",
            label=_("SERCE: notices to residents"),
            model="serce.NoticeBatch",
            scopes={Scope.CENTRE: _notices_rule()},
            description=_("Edit means sending SMS and e-mail notices to a group of persons."),
        ),
        Resource(
            "serce.import",
            label=_("SERCE: register import (Pobyt v.2)"),
            actions=(V, M),
            model="serce.ImportRun",
        ),
        Resource(
            "serce.report",
            label=_("SERCE: reports and statistics"),
            actions=(V, X),
            office_field=None,
            scopes={Scope.CENTRE: _all_rule()},
        ),
    ]


def grants() -> list[Grant]:
    from przystan.access import grants as many

    centre, office = Scope.CENTRE, Scope.OFFICE
    all_records = (
        "serce.person",
        "serce.stay",
        "serce.address",
        "serce.benefit",
        "serce.education",
        "serce.food",
        "serce.centre",
        "serce.benefit_rule",
        "serce.payment_list",
        "serce.notice",
        "serce.import",
        "serce.report",
    )
    supervisor = {
        "serce.person": (V, X),
        "serce.benefit": (V, A),
        "serce.payment_list": (V, X, A),
        "serce.report": (V, X),
        "serce.centre": (V,),
        "serce.benefit_rule": (V, A),
        "serce.import": (V,),
        "serce.notice": (V,),
    }
    supervisor.update({r: (V,) for r in all_records if r not in supervisor})
    return [
        *many(
            "centre_staff",
            centre,
            {
                "serce.person": (V, E, S),
                "serce.stay": (V, E),
                "serce.education": (V, E),
                "serce.food": (V, E),
                "serce.notice": (V, E),
                "serce.centre": (V,),
            },
        ),
        *many(
            "social_worker",
            centre,
            {
                "serce.person": (V, E, S),
                "serce.stay": (V,),
                "serce.address": (V, E),
                "serce.benefit": (V, E),
                "serce.education": (V, E),  # school enrolments and supplies are part of social work
                "serce.food": (V,),
                "serce.payment_list": (V, E),
                "serce.notice": (V, E),
                "serce.centre": (V,),
            },
        ),
        *many(
            "medical",
            centre,
            {"serce.person": (V,), "serce.medical": (V, E, S), "serce.centre": (V,)},
        ),
        *many("supervisor", office, supervisor),
        # the social worker prepares the lists, so sees the amounts they come from (office-wide data)
        *many("social_worker", office, {"serce.benefit_rule": (V,)}),
        *many("finance", office, {"serce.payment_list": (V, X, MARK_PAID), "serce.benefit_rule": (V, A)}),
        *many(
            "office_admin",
            office,
            {"serce.centre": (V, M), "serce.import": (V, M), "serce.benefit_rule": (V, M)},
        ),
    ]
