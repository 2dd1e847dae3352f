"""Core pages: the landing after login, the staff dashboard and the reports list."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe

from przystan.offices.enablement import is_enabled
from przystan.pluginsys.manager import get_plugin_system
from przystan.profiles import Exposure, serves

from .access import staff_required


@login_required
def after_login(request: HttpRequest) -> HttpResponse:
    if getattr(request.user, "is_office_staff", False) and serves(Exposure.INTERNAL):
        return redirect("staff:dashboard")
    return redirect("accounts:profile")


def visible_contributions(request: HttpRequest, hook_name: str) -> list:
    office = getattr(request, "office", None)
    items = [item for item in get_plugin_system().registry(hook_name) if is_enabled(office, item.plugin)]
    return [
        item
        for item in items
        if not getattr(item, "permission", None) or request.user.has_perm(item.permission)
    ]


@staff_required
def staff_dashboard(request: HttpRequest) -> HttpResponse:
    panels = []
    for panel in sorted(visible_contributions(request, "dashboard_panels"), key=lambda p: p.order):
        html = panel.render(request)
        if html:
            panels.append({"label": panel.label, "html": mark_safe(html)})  # noqa: S308 - plugin-rendered HTML
    return render(
        request,
        "przystan/staff_dashboard.html",
        {
            "panels": panels,
            "reports": visible_contributions(request, "reports"),
        },
    )


@staff_required
def report(request: HttpRequest, name: str) -> HttpResponse:
    registry = get_plugin_system().registry("reports")
    if name not in registry:
        raise Http404
    item = registry.get(name)
    if not is_enabled(getattr(request, "office", None), item.plugin):
        raise Http404
    if item.permission and not request.user.has_perm(item.permission):
        raise PermissionDenied
    return item.view(request)
