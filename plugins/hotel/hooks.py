"""Hook implementations of the hotel plugin (see przystan.pluginsys.hookspecs)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from przystan.pluginsys.contributions import DashboardPanel, MenuItem, UrlContribution
from przystan.pluginsys.markers import hookimpl
from przystan.profiles import Exposure


@hookimpl
def urls() -> list[UrlContribution]:
    from . import urls as hotel_urls

    return [
        UrlContribution(
            "hotel", prefix="staff/hotel", exposure=Exposure.INTERNAL, patterns=hotel_urls.urlpatterns
        )
    ]


@hookimpl
def admin_menu_items() -> list[MenuItem]:
    return [MenuItem("hotel", label=_("Hotel base"), url="hotel:index", icon_name="home", order=310)]


@hookimpl
def dashboard_panels() -> list[DashboardPanel]:
    from .panels import free_places_panel

    return [
        DashboardPanel(
            "hotel-free-places",
            label=_("Free places in reception centres"),
            render=free_places_panel,
            order=30,
        )
    ]


@hookimpl
def role_permissions() -> dict[str, list[str]]:
    return {
        "supervisor": ["hotel.work_in_centre", "hotel.approve_transfer", "hotel.view_medical"],
        "office_admin": ["hotel.work_in_centre", "hotel.approve_transfer", "hotel.change_hotelcentre"],
        "medical": ["hotel.view_medical"],
    }


@hookimpl
def demo_data(office: Any, stdout: Any) -> None:
    from .demo import load_demo

    load_demo(office, stdout)
