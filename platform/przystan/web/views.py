"""Core pages: the landing after login, the staff dashboard and the reports list."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe

from przystan import access
from przystan.offices.enablement import is_enabled
from przystan.pluginsys.manager import get_plugin_system
from przystan.profiles import Exposure, serves

from .access import staff_required


@login_required
def after_login(request: HttpRequest) -> HttpResponse:
    if getattr(request.user, "is_office_staff", False) and serves(Exposure.INTERNAL):
        return redirect("staff:dashboard")
    return redirect("accounts:profile")


def contribution_allowed(request: HttpRequest, item: Any) -> bool:
    """A menu item, panel or report is shown when its plugin is enabled and the policy allows it."""
    office = getattr(request, "office", None)
    if not is_enabled(office, item.plugin):
        return False
    if getattr(item, "access", None):
        resource, action = item.access
        return access.allows(request.user, action, resource, office=office)
    return not getattr(item, "permission", None) or request.user.has_perm(item.permission)


def visible_contributions(request: HttpRequest, hook_name: str) -> list:
    return [item for item in get_plugin_system().registry(hook_name) if contribution_allowed(request, item)]


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
    if not contribution_allowed(request, item):
        if item.access:
            access.require(request, item.access[1], item.access[0])
        raise PermissionDenied
    return item.view(request)
