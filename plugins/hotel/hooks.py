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
    return [
        MenuItem(
            "hotel",
            label=_("Hotel base"),
            url="hotel:index",
            icon_name="home",
            order=310,
            access=("hotel.centre", "view"),
        )
    ]


@hookimpl
def dashboard_panels() -> list[DashboardPanel]:
    from .panels import free_places_panel

    return [
        DashboardPanel(
            "hotel-free-places",
            label=_("Free places in reception centres"),
            render=free_places_panel,
            order=30,
            access=("hotel.centre", "view"),
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
