"""Core pages: the landing after login, the staff dashboard and the reports list."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.safestring import mark_safe

from przystan import access
from przystan.offices.enablement import is_enabled
from przystan.pluginsys.manager import get_plugin_system
from przystan.profiles import Exposure, serves


@access.public  # where to go after logging in; every target checks access itself
@login_required
def after_login(request: HttpRequest) -> HttpResponse:
    office = getattr(request, "office", None)
    if serves(Exposure.INTERNAL) and access.allows(request.user, "view", "web.dashboard", office=office):
        return redirect("staff:dashboard")
    return redirect("accounts:profile")


def may_use_admin(request: HttpRequest) -> bool:
    """Whether to offer the Wagtail admin: the policy's ``web.admin`` (the same roles Wagtail lets in)."""
    return access.allows(request.user, "view", "web.admin", office=getattr(request, "office", None))


def contribution_allowed(request: HttpRequest, item: Any) -> bool:
    """A menu item, panel or report is shown when its plugin is enabled and the policy allows it."""
    office = getattr(request, "office", None)
    if not is_enabled(office, item.plugin):
        return False
    if getattr(item, "access", None):
        resource, action = item.access
        return access.allows(request.user, action, resource, office=office)
    return True


def visible_contributions(request: HttpRequest, hook_name: str) -> list:
    return [item for item in get_plugin_system().registry(hook_name) if contribution_allowed(request, item)]


def menu_url(url: str) -> str:
    """A menu item's URL: an absolute path as it is, a URL name reversed ("" when not served here)."""
    if url.startswith("/"):
        return url
    try:
        return reverse(url)
    except NoReverseMatch:
        return ""


def work_links(request: HttpRequest) -> list[dict[str, str]]:
    """The staff areas this person may open (the plugins' menu items the policy allows), for the
    dashboard: roles without the Wagtail admin reach their work from here, not only from its menu."""
    admin = may_use_admin(request)
    links = []
    for item in sorted(visible_contributions(request, "admin_menu_items"), key=lambda i: i.order):
        url = menu_url(item.url)
        if url and (admin or not url.startswith("/admin/")):
            links.append({"label": str(item.label), "url": url})
    return links


@access.guard("web.dashboard", "view")
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
            "work_links": work_links(request),
            "may_use_admin": may_use_admin(request),
            "may_manage_credentials": access.allows(
                request.user, "manage", "api.service_credential", request.office, office=request.office
            )
            if getattr(request, "office", None) is not None
            else False,
        },
    )


@access.guard("web.dashboard", "view")  # and the report's own ``access`` below
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
