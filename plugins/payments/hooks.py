"""Hook implementations of the payments plugin (see przystan.pluginsys.hookspecs)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import (
    MenuItem,
    NotificationType,
    PaymentProviderEntry,
    PeriodicJob,
    Report,
    UrlContribution,
)
from przystan.pluginsys.markers import hookimpl
from przystan.profiles import Exposure


@hookimpl
def urls() -> list[UrlContribution]:
    from .urls import public_patterns, staff_patterns

    return [
        UrlContribution("payments", prefix="payments", exposure=Exposure.PUBLIC, patterns=public_patterns),
        UrlContribution(
            "payments-staff", prefix="staff/payments", exposure=Exposure.INTERNAL, patterns=staff_patterns
        ),
    ]


@hookimpl
def payment_providers() -> list[PaymentProviderEntry]:
    from .p24.provider import Przelewy24Provider

    return [PaymentProviderEntry("przelewy24", label=_("Przelewy24"), provider_class=Przelewy24Provider)]


@hookimpl
def notification_types() -> list[NotificationType]:
    return [
        NotificationType(
            "payments.settled",
            label=_("Payment confirmed"),
            channels=("email",),
            placeholders=("reference", "amount", "payee", "case_reference", "receipt_url"),
            description=_("Sent to the payer when a payment is settled, with a link to the receipt."),
        )
    ]


@hookimpl
def admin_menu_items() -> list[MenuItem]:
    return [
        MenuItem(
            "payments-fees",
            label=_("Fees and payments"),
            url="payments-staff:list",
            icon_name="table",
            access=("payments.payment", "view"),
        ),
    ]


def _report_view(request: Any) -> Any:
    from .views.staff import finance_report

    return finance_report(request)


@hookimpl
def reports() -> list[Report]:
    return [
        Report(
            "payments-daily",
            label=_("Daily payments per payee account"),
            view=_report_view,
            access=("payments.report", "view"),
            formats=("html", "csv", "pdf"),
        )
    ]


@hookimpl
def access_resources() -> list[Any]:
    from .policy import resources

    return resources()


@hookimpl
def access_grants() -> list[Any]:
    from .policy import grants

    return grants()


@hookimpl
def fee_catalogue(office: Any, codes: list[str] | None, language: str) -> list[dict[str, Any]]:
    from .catalogue import fee_dicts

    return fee_dicts(office, codes, language)


@hookimpl
def payment_request(
    office: Any, payer: Any, fee_codes: list[str], case_reference: str | None, return_url: str
) -> str | None:
    from .checkout import CheckoutError, create_checkout, payer_from

    who = payer_from(payer)
    if not who["email"]:
        return None
    try:
        checkout = create_checkout(
            office,
            fee_codes,
            payer_email=who["email"],
            payer_name=who["name"],
            language=who["language"] or "pl",
            case_reference=case_reference or "",
            payer=payer if not isinstance(payer, dict) else None,
            return_url=return_url,
        )
    except CheckoutError:
        return None
    return reverse("payments:checkout", args=[checkout.token])


@hookimpl
def case_payments(office: Any, case_reference: str) -> list[dict[str, Any]]:
    from django.urls import reverse
    from django.utils.translation import get_language

    from .case_view import case_fee_codes, case_payment_rows

    keys = ("fee_code", "name", "amount_grosze", "status", "paid_at", "receipt_url", "relief", "relief_note")
    # where the case's fees are managed (a card fee halved, a fee waived); that page asks the policy itself
    manage_url = reverse("payments-staff:case", args=[case_reference])
    return [
        {**{key: row.get(key, "") for key in keys}, "manage_url": manage_url}
        for row in case_payment_rows(
            office, case_reference, (get_language() or "pl")[:2], case_fee_codes(office, case_reference)
        )
    ]


@hookimpl
def procedure_actions(office: Any, application_type: str, language: str) -> list[dict[str, Any]]:
    from django.utils import translation
    from django.utils.http import urlencode

    from .catalogue import current_fees
    from .defaults import FEES_BY_APPLICATION_TYPE

    codes = [
        code for code in FEES_BY_APPLICATION_TYPE.get(application_type, ()) if code in current_fees(office)
    ]
    if not codes:
        return []
    with translation.override(language):
        label = str(_("Pay the fee online"))
    return [
        {
            "kind": "pay_fee",
            "label": label,
            "url": reverse("payments:pay") + "?" + urlencode({"fee": codes}, doseq=True),
        }
    ]


@hookimpl
def demo_data(office: Any, stdout: Any) -> None:
    from .demo import load_demo

    load_demo(office, stdout)


@hookimpl
def periodic_jobs() -> list[PeriodicJob]:
    return [
        PeriodicJob(
            "payments.reconcile",
            command="payments_reconcile",
            every_seconds=600,
            description=_("Ask the gateway about payments left pending and settle or expire them."),
        )
    ]


@hookimpl
def privacy_clauses() -> list[Any]:
    from .privacy import clauses

    return clauses()
