"""Hook implementations of the serce plugin (see przystan.pluginsys.hookspecs)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import ApiRoute, MenuItem, NotificationType, Report, UrlContribution
from przystan.pluginsys.markers import hookimpl
from przystan.profiles import Exposure


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
    return [
        MenuItem(
            "serce",
            label=_("SERCE register"),
            url="/staff/serce/",
            icon_name="group",
            order=300,
            access=("serce.person", "view"),
        ),
        MenuItem(
            "serce-payments",
            label=_("SERCE payment lists"),
            url="/staff/serce/payments/",
            icon_name="list-ul",
            order=301,
            access=("serce.payment_list", "view"),
        ),
        MenuItem(
            "serce-centres",
            label=_("SERCE centres and import"),
            url="/staff/serce/centres/",
            icon_name="site",
            order=302,
            access=("serce.centre", "manage"),
        ),
    ]


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
            access=("serce.report", "view"),
            formats=("html", "csv"),
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
def demo_data(office: Any, stdout: Any) -> None:
    from .demo import load_demo

    load_demo(office, stdout)


@hookimpl
def staff_scope_fields(office: Any) -> list[Any]:
    from .staff_scope import fields

    return fields(office)
