"""Hook implementations of the legalisation plugin (see przystan.pluginsys.hookspecs)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import ApiRoute, DashboardPanel, NotificationType, UrlContribution
from przystan.pluginsys.markers import hookimpl
from przystan.profiles import Exposure


@hookimpl
def urls() -> list[UrlContribution]:
    from .urls import public_patterns, staff_patterns

    return [
        UrlContribution(
            "legalisation", prefix="legalisation", patterns=public_patterns, exposure=Exposure.PUBLIC
        ),
        UrlContribution(
            "legalisation-staff", prefix="staff/cases", patterns=staff_patterns, exposure=Exposure.INTERNAL
        ),
    ]


@hookimpl
def api_routes() -> list[ApiRoute]:
    from .views.api import CaseViewSet, MosPackageViewSet, OfficerCaseViewSet, StatusViewSet

    return [
        # the cases a foreigner or employer is a party to, and the status by number and PIN
        ApiRoute(
            "legalisation-cases", prefix="legalisation/cases", viewset=CaseViewSet, exposure=Exposure.PUBLIC
        ),
        ApiRoute(
            "legalisation-status",
            prefix="legalisation/status",
            viewset=StatusViewSet,
            exposure=Exposure.PUBLIC,
        ),
        # the officers' cases (office, team scope): the closed network only
        ApiRoute(
            "legalisation-officer-cases",
            prefix="legalisation/officer/cases",
            viewset=OfficerCaseViewSet,
            exposure=Exposure.INTERNAL,
        ),
        # MOS delivers submission packages (service credential with this route in its scopes)
        ApiRoute(
            "legalisation-mos-packages",
            prefix="legalisation/mos/packages",
            viewset=MosPackageViewSet,
            exposure=Exposure.INTERNAL,
        ),
    ]


@hookimpl
def notification_types() -> list[NotificationType]:
    return [
        NotificationType(
            "legalisation.stage_changed",
            label=_("Case stage changed"),
            placeholders=("case_number", "case_url", "stage_code", "deadline"),
            description=_("Sent to the person at every stage change of their case."),
        ),
        NotificationType(
            "legalisation.message_received",
            label=_("New message about a case"),
            placeholders=("case_number", "case_url"),
        ),
        NotificationType(
            "legalisation.supplement_requested",
            label=_("Request to supplement"),
            placeholders=("case_number", "case_url", "due_date", "text"),
        ),
        NotificationType(
            "legalisation.pin_reset",
            label=_("New PIN for the case status check"),
            placeholders=("case_number", "case_url", "pin", "status_url"),
            description=_("Sent to the e-mail and phone of the case when the person asks for a new PIN."),
        ),
        NotificationType(
            "legalisation.case_arrived",
            label=_("Application received from MOS: case number and claim code"),
            placeholders=("case_number", "case_url", "claim_code", "claim_url"),
            description=_(
                "Sent when a case arrives from MOS: its case number and the one-time code that binds "
                "it to the foreigner's account."
            ),
        ),
        NotificationType(
            "legalisation.pin_locked",
            label=_("Status check locked after wrong PINs"),
            placeholders=("case_number", "case_url", "locked_until", "status_url"),
            description=_(
                "Sent to the e-mail and phone of the case when too many wrong PINs lock its status check."
            ),
        ),
    ]


@hookimpl
def dashboard_panels() -> list[DashboardPanel]:
    from .panels import deadlines_at_risk, mos_quarantine

    return [
        DashboardPanel(
            "legalisation-deadlines",
            label=_("Cases with deadlines at risk"),
            render=deadlines_at_risk,
            order=10,
            access=("legalisation.case", "view"),
        ),
        DashboardPanel(
            "legalisation-mos-quarantine",
            label=_("MOS packages in quarantine"),
            render=mos_quarantine,
            order=20,
            access=("legalisation.intake", "view"),
        ),
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
def case_sources(office: Any) -> list[Any]:
    from .mos_intake import sources

    return sources(office)


@hookimpl
def demo_data(office: Any, stdout: Any) -> list[str]:
    from .demo import load, load_mos_arrival

    load(office, stdout)
    return load_mos_arrival(office, stdout)


# --------------------------------------------------------------------------- cross-plugin contracts


@hookimpl
def application_types(office: Any, language: str) -> list[dict[str, Any]]:
    from .application_types import TYPES
    from .stages import STAGES_BY_CODE
    from .workflow import WORKFLOWS

    with translation.override(language):
        result = []
        for kind in TYPES:
            codes = list(WORKFLOWS[kind.workflow])
            result.append(
                {
                    "code": kind.code,
                    "name": str(kind.name),
                    "description": str(kind.description),
                    "fee_codes": list(kind.fee_codes),
                    "deadline_days": kind.deadline_days,
                    "stages": [
                        {
                            "code": c,
                            "name": str(STAGES_BY_CODE[c].name),
                            "description": str(STAGES_BY_CODE[c].meaning),
                        }
                        for c in codes
                    ],
                }
            )
        return result


@hookimpl
def case_lookup(office: Any, reference: str, secret: str | None) -> dict[str, Any] | None:
    from .services import lookup

    return lookup(office, reference, secret)


@hookimpl
def payment_settled(office: Any, payment: dict[str, Any]) -> None:
    from .services import store_receipt

    store_receipt(office, payment)


@hookimpl
def procedure_actions(office: Any, application_type: str, language: str) -> list[dict[str, Any]]:
    from .application_types import TYPES_BY_CODE

    if application_type not in TYPES_BY_CODE:
        return []
    with translation.override(language):
        return [
            {"kind": "apply", "label": str(_("Apply online")), "url": reverse("legalisation:apply")},
            {"kind": "track_case", "label": str(_("Track your case")), "url": reverse("legalisation:status")},
        ]
