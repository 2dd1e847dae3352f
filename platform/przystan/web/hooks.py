"""Core hooks of przystan.web: landing, staff dashboard and reports URLs."""

from __future__ import annotations

from django.urls import path

from przystan.pluginsys.contributions import UrlContribution
from przystan.pluginsys.markers import hookimpl
from przystan.profiles import Exposure

from . import views


@hookimpl
def urls() -> list[UrlContribution]:
    return [
        UrlContribution(
            "web",
            prefix="portal",
            exposure=Exposure.BOTH,
            patterns=[path("after-login/", views.after_login, name="after-login")],
        ),
        UrlContribution(
            "staff",
            prefix="staff",
            exposure=Exposure.INTERNAL,
            patterns=[
                path("", views.staff_dashboard, name="dashboard"),
                path("reports/<slug:name>/", views.report, name="report"),
            ],
        ),
    ]
