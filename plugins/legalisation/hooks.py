"""Hook implementations of the legalisation plugin (see przystan.pluginsys.hookspecs)."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import (
    ApiRoute,
    DashboardPanel,
    MenuItem,
    NotificationType,
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
        UrlContribution(
            "legalisation", prefix="legalisation", patterns=public_patterns, exposure=Exposure.PUBLIC
        ),
        UrlContribution(
            "legalisation-staff", prefix="staff/cases", patterns=staff_patterns, exposure=Exposure.INTERNAL
        ),
    ]


@hookimpl
def admin_menu_items() -> list[MenuItem]:
    return [
        MenuItem(
            "legalisation-cases",
            label=_("Residence cases"),
            url="legalisation-staff:list",
            icon_name="folder-open-inverse",
            access=("legalisation.case", "view"),
        ),
        MenuItem(
            "legalisation-filing-routes",
            label=_("Filing routes"),
            url="legalisation-staff:filing-routes",
            icon_name="site",
            access=("legalisation.filing_route", "view"),
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
    from .letters.panels import letter_templates_panel, overdue_inquiries
    from .panels import awaiting_assignment, deadlines_at_risk, mos_quarantine

    return [
        DashboardPanel(
            "legalisation-deadlines",
            label=_("Cases with deadlines at risk"),
            render=deadlines_at_risk,
            order=10,
            access=("legalisation.case", "view"),
        ),
        DashboardPanel(
            "legalisation-unassigned",
            label=_("Cases waiting for a handler"),
            render=awaiting_assignment,
            order=9,
            access=("legalisation.case", "assign"),
        ),
        DashboardPanel(
            "legalisation-mos-quarantine",
            label=_("MOS packages in quarantine"),
            render=mos_quarantine,
            order=20,
            access=("legalisation.intake", "view"),
        ),
        DashboardPanel(
            "legalisation-overdue-inquiries",
            label=_("Overdue inquiries to other authorities"),
            render=overdue_inquiries,
            order=11,
            access=("legalisation.case", "edit"),
        ),
        DashboardPanel(
            "legalisation-letter-templates",
            label=_("Letter templates"),
            render=letter_templates_panel,
            order=60,
            access=("legalisation.letter_template", "manage"),
        ),
    ]


@hookimpl
def periodic_jobs() -> list[PeriodicJob]:
    return [
        PeriodicJob(
            "legalisation.deadlines",
            command="legalisation_recompute_deadlines",
            every_seconds=6 * 3600,
            description=_("Recompute the legal deadlines of undecided cases (rules, suspensions, pauses)."),
        ),
        PeriodicJob(
            "legalisation.inquiry-reminders",
            command="legalisation_inquiry_reminders",
            every_seconds=3600,
            description=_("Remind other authorities of overdue inquiries (once per reminder period)."),
        ),
    ]


def _statistics_view(request: Any) -> Any:
    from .views.statistics import statistics

    return statistics(request)


@hookimpl
def reports() -> list[Report]:
    return [
        Report(
            "legalisation-statistics",
            label=_("Case statistics"),
            view=_statistics_view,
            access=("legalisation.statistics", "view"),
            formats=("html", "csv"),
        )
    ]


@hookimpl
def access_resources() -> list[Any]:
    from .letters import policy as letters_policy
    from .policy import resources

    return [*resources(), *letters_policy.resources()]


@hookimpl
def access_grants() -> list[Any]:
    from .letters import policy as letters_policy
    from .policy import grants

    return [*grants(), *letters_policy.grants()]


@hookimpl
def case_sources(office: Any) -> list[Any]:
    from .mos_intake import sources

    return sources(office)


@hookimpl
def demo_data(office: Any, stdout: Any) -> list[str]:
    from .demo import load, load_mos_arrival
    from .demo_electronic import load_electronic
    from .letters.seed import seed_for_demo

    load(office, stdout)
    load_electronic(office, stdout)
    seed_for_demo(office, stdout)
    return load_mos_arrival(office, stdout)


# --------------------------------------------------------------------------- cross-plugin contracts


@hookimpl
def application_types(office: Any, language: str) -> list[dict[str, Any]]:
    from django.utils import timezone

    from .application_types import TYPES
    from .deadline_rules import rules_for
    from .routes import routes_for
    from .stages import STAGES_BY_CODE
    from .workflow import WORKFLOWS

    routes = routes_for(office)
    with translation.override(language):
        result = []
        rules = rules_for(office, [kind.code for kind in TYPES], timezone.localdate())
        for kind in TYPES:
            codes = list(WORKFLOWS[kind.workflow])
            route = routes[kind.code]
            rule = rules[kind.code]
            result.append(
                {
                    "filing": {
                        "route": route.route,
                        "label": route.label,
                        "since": route.effective_from,
                        "legal_basis": route.legal_basis,
                        "source_url": route.source_url,
                        "filing_url": route.filing_url,
                        "to_verify": route.to_verify,
                    },
                    "code": kind.code,
                    "name": str(kind.name),
                    "description": str(kind.description),
                    "fee_codes": list(kind.fee_codes),
                    "deadline_days": rule.length if rule and rule.unit == "days" else None,
                    "deadline": {"length": rule.length, "unit": rule.unit} if rule else None,
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
def case_in_scope(user: Any, office: Any, reference: str, action: str) -> bool | None:
    from przystan import access

    from .models import Case
    from .policy import CASE

    case = Case.objects.filter(office=office, number=(reference or "").strip().upper()).first()
    if case is None:
        return None
    return access.allows(user, action, CASE, case, office=office)


@hookimpl
def payment_settled(office: Any, payment: dict[str, Any]) -> None:
    from .services import store_receipt

    store_receipt(office, payment)


@hookimpl
def procedure_actions(office: Any, application_type: str, language: str) -> list[dict[str, Any]]:
    from .application_types import TYPES_BY_CODE
    from .routes import route_for

    if application_type not in TYPES_BY_CODE:
        return []
    route = route_for(office, application_type)
    with translation.override(language):
        actions: list[dict[str, Any]] = []
        if route.files_here:
            actions.append(
                {"kind": "apply", "label": str(_("Apply online")), "url": reverse("legalisation:apply")}
            )
        elif route.is_mos:  # never a button that files here: the guide, then MOS itself
            actions.append(
                {
                    "kind": "prepare_mos",
                    "label": str(_("Prepare your application for MOS")),
                    "url": reverse("legalisation:mos-guide", args=[application_type]),
                }
            )
            if route.filing_url:
                actions.append(
                    {"kind": "file_in_mos", "label": str(_("File in MOS")), "url": route.filing_url}
                )
        actions.append(
            {"kind": "track_case", "label": str(_("Track your case")), "url": reverse("legalisation:status")}
        )
        return actions


@hookimpl
def staff_scope_fields(office: Any) -> list[Any]:
    from .staff_scope import fields

    return fields(office)


@hookimpl
def privacy_clauses() -> list[Any]:
    from .privacy import clauses

    return clauses()
