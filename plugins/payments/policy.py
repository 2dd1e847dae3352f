"""The payments plugin's part of the access policy: payments, the fee catalogue, bank statements and
the finance report.

Officers see a case's payments on the case page through the ``case_payments`` hook, after the case's
own access check; here they may only grant a relief on a case's fee (``payments.case_fee``).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from przystan.access import Action, Grant, Resource, Scope, ScopeRule
from przystan.access import grants as grants_of

PAYMENT = "payments.payment"
FEE = "payments.fee"
STATEMENT = "payments.statement"
REPORT = "payments.report"
CASE_FEE = "payments.case_fee"
REFUND = "refund"


def _own_payments(user: Any, qs: QuerySet[Any]) -> QuerySet[Any]:
    return qs.filter(checkout__payer=user)


def _case_in_scope(user: Any, relief: Any) -> bool:
    """A case officer's reach on a case's fees is the case's own: the case plugin's policy decides."""
    from przystan.offices.enablement import hooks_for_office

    answer = hooks_for_office(relief.office).case_in_scope(
        user=user, office=relief.office, reference=relief.case_reference, action="view"
    )
    return bool(answer)


def _reliefs_on_cases_in_scope(user: Any, qs: QuerySet[Any]) -> QuerySet[Any]:
    keep = [r.pk for r in qs.select_related("office") if _case_in_scope(user, r)]
    return qs.filter(pk__in=keep)


def resources() -> list[Resource]:
    return [
        Resource(
            PAYMENT,
            label=_("Payments and refunds"),
            actions=(Action.VIEW, Action.EXPORT, REFUND, Action.APPROVE),
            model="payments.Payment",
            scopes={Scope.OWN: ScopeRule(narrow=_own_payments)},
            description=_(
                "Stamp duty and fee payments; a refund is requested by one person and approved by another."
            ),
        ),
        Resource(
            FEE,
            label=_("Fee catalogue"),
            actions=(Action.VIEW, Action.MANAGE),
            model="payments.Fee",
            description=_("Amounts, payees and validity of the office's fees."),
        ),
        Resource(
            CASE_FEE,
            label=_("Fees of a case"),
            actions=(Action.VIEW, Action.EDIT),
            model="payments.CaseFeeRelief",
            office_field="office",
            scopes={Scope.TEAM: ScopeRule(narrow=_reliefs_on_cases_in_scope, check=_case_in_scope)},
            description=_("What a case owes: a card fee halved or a fee waived, with the reason (audited)."),
        ),
        Resource(
            STATEMENT,
            label=_("Bank statements"),
            actions=(Action.EDIT,),
            model="payments.BankStatement",
            description=_("Importing bank statements settles transfer payments."),
        ),
        Resource(
            REPORT,
            label=_("Finance report"),
            actions=(Action.VIEW, Action.EXPORT),
            model=None,
            # bound to the office although no record is passed: staff of another office get 404
            office_field="office",
            description=_("Daily payments per payee account (CSV, PDF)."),
        ),
    ]


def grants() -> list[Grant]:
    return [
        *grants_of(
            "finance",
            Scope.OFFICE,
            {
                PAYMENT: (Action.VIEW, Action.EXPORT, REFUND, Action.APPROVE),
                FEE: (Action.VIEW, Action.MANAGE),
                CASE_FEE: (Action.VIEW, Action.EDIT),
                STATEMENT: (Action.EDIT,),
                REPORT: (Action.VIEW, Action.EXPORT),
            },
        ),
        *grants_of(
            "supervisor",
            Scope.OFFICE,
            {
                PAYMENT: (Action.VIEW, Action.APPROVE),
                FEE: (Action.VIEW,),
                CASE_FEE: (Action.VIEW, Action.EDIT),
                REPORT: (Action.VIEW, Action.EXPORT),
            },
        ),
        *grants_of("office_admin", Scope.OFFICE, {FEE: (Action.VIEW, Action.MANAGE)}),
        *grants_of("officer", Scope.OFFICE, {FEE: (Action.VIEW,)}),
        # a case officer reaches the fees of the cases she may work on (her own and her team's)
        *grants_of("officer", Scope.TEAM, {CASE_FEE: (Action.VIEW, Action.EDIT)}),
        *grants_of("foreigner", Scope.OWN, {PAYMENT: (Action.VIEW,)}),
        *grants_of("employer", Scope.OWN, {PAYMENT: (Action.VIEW,)}),
    ]
