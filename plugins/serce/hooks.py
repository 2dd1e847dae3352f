"""Hook implementations of the serce plugin (see przystan.pluginsys.hookspecs)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import ApiRoute, MenuItem, NotificationType, Report, UrlContribution
from przystan.pluginsys.markers import hookimpl
from przystan.profiles import Exposure

AREA_VIEW = [
    "serce.view_stay",
    "serce.view_address",
    "serce.view_benefit",
    "serce.view_schoolenrolment",
    "serce.view_schoolsupply",
    "serce.view_foodarrangement",
]


@hookimpl
def urls() -> list[UrlContribution]:
    from .urls import urlpatterns

    return [UrlContribution("serce", prefix="staff/serce", patterns=urlpatterns, exposure=Exposure.INTERNAL)]


@hookimpl
def api_routes() -> list[ApiRoute]:
    from .api import ImportViewSet, PersonViewSet

    return [
        # the register of reception-centre residents: the closed network only
        ApiRoute("serce-persons", prefix="serce/persons", viewset=PersonViewSet, exposure=Exposure.INTERNAL),
        ApiRoute("serce-imports", prefix="serce/imports", viewset=ImportViewSet, exposure=Exposure.INTERNAL),
    ]


@hookimpl
def admin_menu_items() -> list[MenuItem]:
    return [MenuItem("serce", label=_("SERCE register"), url="/staff/serce/", icon_name="group", order=300)]


@hookimpl
def notification_types() -> list[NotificationType]:
    from .services import notices

    description = _(
        "Sent by reception-centre staff to a filtered group of persons, in each person's language."
    )
    return [
        NotificationType(
            notices.PAYMENT_DATE_CHANGED,
            label=_("Change of the benefit payment date"),
            placeholders=("person_name", "new_date", "month"),
            description=description,
        ),
        NotificationType(
            notices.ASSISTANCE_AVAILABLE,
            label=_("Assistance available for collection"),
            placeholders=("person_name", "what", "where", "from_date"),
            description=description,
        ),
        NotificationType(
            notices.SCHOOL_SUPPLIES_AVAILABLE,
            label=_("School supplies ready for collection"),
            placeholders=("person_name", "where", "from_date"),
            description=description,
        ),
    ]


@hookimpl
def reports() -> list[Report]:
    from .views.reports import statistics

    return [
        Report(
            "serce-statistics",
            label=_("SERCE: persons, benefits and occupancy"),
            view=statistics,
            permission="serce.view_statistics",
            formats=("html", "csv"),
        )
    ]


@hookimpl
def role_permissions() -> dict[str, list[str]]:
    """Area permissions per role; centre staff are further limited per centre (``serce.work_in_centre``)."""
    return {
        "centre_staff": [
            "serce.view_centre",
            "serce.add_person",
            "serce.change_person",
            *AREA_VIEW,
            "serce.add_stay",
            "serce.change_stay",
            "serce.add_schoolenrolment",
            "serce.change_schoolenrolment",
            "serce.change_schoolsupply",
            "serce.change_foodarrangement",
            "serce.send_notices",
        ],
        "social_worker": [
            "serce.view_centre",
            "serce.view_person",
            *AREA_VIEW,
            "serce.change_address",
            "serce.add_benefit",
            "serce.change_benefit",
            "serce.view_paymentlist",
            "serce.add_paymentlist",
            "serce.change_paymentlist",
            "serce.send_notices",
            "serce.view_statistics",
        ],
        "medical": [
            "serce.view_centre",
            "serce.view_person",
            "serce.view_medicalfilter",
            "serce.change_medicalfilter",
            "serce.view_specialneed",
            "serce.change_specialneed",
        ],
        "officer": [
            "serce.view_centre",
            "serce.view_person",
            "serce.add_person",
            "serce.change_person",
            "serce.import_persons",
            *AREA_VIEW,
            "serce.change_stay",
            "serce.change_address",
        ],
        "supervisor": [
            "serce.view_centre",
            "serce.view_person",
            *AREA_VIEW,
            "serce.view_paymentlist",
            "serce.approve_paymentlist",
            "serce.view_statistics",
            "serce.view_importrun",
        ],
        "finance": ["serce.view_paymentlist", "serce.mark_paid_paymentlist", "serce.view_statistics"],
        "office_admin": [
            "serce.view_centre",
            "serce.add_centre",
            "serce.change_centre",
            "serce.view_benefitrule",
            "serce.add_benefitrule",
            "serce.change_benefitrule",
        ],
    }


@hookimpl
def demo_data(office: Any, stdout: Any) -> None:
    from .demo import load_demo

    load_demo(office, stdout)
